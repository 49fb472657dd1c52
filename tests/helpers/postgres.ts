// A throwaway PostgreSQL server for the tests, from the machine's own binaries: initdb into a temporary folder, a free
// loopback port, no fsync (nothing here must survive the run), stopped and deleted afterwards. As root, the server
// runs as the `postgres` user, because PostgreSQL refuses to run as root. A random password (scram-sha-256) keeps
// other local users of a shared machine out of a superuser session.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './server';

export interface ThrowawayPostgres {
  /** postgres://… for the `postgres` database, as the superuser. */
  url: string;
  stop(): void;
}

const SERVER_USER = 'postgres';

/** The folder with initdb and pg_ctl: PG_BIN, else the newest /usr/lib/postgresql/N/bin; null when there is none. */
export function postgresBinaries(): string | null {
  const candidates = process.env.PG_BIN
    ? [process.env.PG_BIN]
    : existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql')
          .filter((version) => /^\d+$/.test(version))
          .sort((a, b) => Number(b) - Number(a))
          .map((version) => `/usr/lib/postgresql/${version}/bin`)
      : [];
  return candidates.find((dir) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'))) ?? null;
}

function idOf(user: string, flag: '-u' | '-g'): number {
  const result = spawnSync('id', [flag, user], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`running as root, PostgreSQL needs the "${user}" user (Debian's postgresql package creates it)`);
  return Number(result.stdout.trim());
}

export async function startThrowawayPostgres(bin: string): Promise<ThrowawayPostgres> {
  return startPostgres(bin, mkdtempSync(path.join(tmpdir(), 'portal-pg-')), { keep: false });
}

/**
 * A server whose data stays in `dir` between runs (the benches keep their 2.3 million accounts): created there the
 * first time, started again on the same data later, stopped without deleting it.
 */
export async function startKeptPostgres(bin: string, dir: string): Promise<ThrowawayPostgres> {
  mkdirSync(dir, { recursive: true });
  return startPostgres(bin, dir, { keep: true });
}

async function startPostgres(bin: string, dir: string, options: { keep: boolean }): Promise<ThrowawayPostgres> {
  const asRoot = process.getuid?.() === 0;
  const dataDir = path.join(dir, 'data');
  if (asRoot) {
    chmodSync(dir, 0o700);
    chownSync(dir, idOf(SERVER_USER, '-u'), idOf(SERVER_USER, '-g'));
  }
  const run = (program: string, args: string[], runOptions: SpawnSyncOptions = {}) => {
    const [command, commandArgs] = asRoot
      ? ['runuser', ['-u', SERVER_USER, '--', path.join(bin, program), ...args]]
      : [path.join(bin, program), args];
    const result = spawnSync(command, commandArgs, { encoding: 'utf8', ...runOptions });
    if (result.status !== 0) throw new Error(`${program} failed: ${String(result.stderr || result.stdout).trim()}`);
  };
  const port = await freePort();
  // A kept server keeps its password beside its data (readable by its owner only); a throwaway one forgets it.
  const keptPassword = path.join(dir, 'superuser-password');
  const initialised = existsSync(path.join(dataDir, 'PG_VERSION'));
  const password =
    initialised && existsSync(keptPassword) ? readFileSync(keptPassword, 'utf8').trim() : randomBytes(18).toString('base64url');
  if (!initialised) {
    rmSync(dataDir, { recursive: true, force: true });
    const passwordFile = path.join(dir, 'password');
    writeFileSync(passwordFile, password, { mode: 0o600 });
    if (asRoot) chownSync(passwordFile, idOf(SERVER_USER, '-u'), idOf(SERVER_USER, '-g'));
    run('initdb', [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '--auth=scram-sha-256',
      `--pwfile=${passwordFile}`,
      '--encoding=UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ]);
    rmSync(passwordFile);
    if (options.keep) writeFileSync(keptPassword, password, { mode: 0o600 });
  }
  // A kept server must survive a crash with its data intact, so fsync stays on; both may lose the last commits in a
  // crash (synchronous_commit off), as the portal's SQLite does in WAL mode with synchronous=NORMAL.
  const durability = options.keep ? ' -c synchronous_commit=off' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200${durability}`;
  run('pg_ctl', ['-D', dataDir, '-l', path.join(dir, 'server.log'), '-o', serverOptions, '-w', '-t', '60', 'start']);
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run('pg_ctl', ['-D', dataDir, '-m', options.keep ? 'fast' : 'immediate', '-w', 'stop']);
      } finally {
        if (!options.keep) rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** The same server's URL for another database. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
