import { spawnSync } from 'node:child_process';
import { readdirSync, readlinkSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startServer, tempDataDir } from '../helpers/server';

function startWith(env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, DATA_DIR: tempDataDir('startup'), ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('start-up configuration', () => {
  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['LOG_LEVEL', 'loud'],
    ['DEMO_MODE', 'maybe'],
    ['WEBAUTHN_ORIGIN', 'not a url'],
  ])('%s=%s stops start-up with one line naming the variable', (variable, value) => {
    const result = startWith({ [variable]: value });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Configuration error: ${variable}: expected .+ \\(got "${value}"\\)$`));
  });

  it('production mode refuses to start without a session secret', () => {
    const result = startWith({ NODE_ENV: 'production', PIN_PEPPER: 'p'.repeat(40) });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('Configuration error: SESSION_SECRET: required in production (at least 32 random characters)');
  });
});

describe('DATABASE_URL', () => {
  it.each([
    [
      'a URL that is not PostgreSQL',
      'mysql://portal:hunter2@db.internal/portal',
      /^Configuration error: DATABASE_URL: expected a PostgreSQL URL/,
    ],
    // Port 9 (discard) on loopback: nothing listens there, so the connection is refused at once.
    [
      'an unreachable server',
      'postgres://portal:hunter2@127.0.0.1:9/portal',
      /^Configuration error: DATABASE_URL: cannot use PostgreSQL at 127\.0\.0\.1:9\/portal \(/,
    ],
  ])('%s stops start-up with one line naming DATABASE_URL, never the password', (_case, url, line) => {
    const result = startWith({ DATABASE_URL: url });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(line);
    expect(result.stderr + result.stdout).not.toContain('hunter2');
  });
});

describe('one module graph', () => {
  it('LOG_LEVEL=debug reaches a line logged inside a route loader, and the portal opens the database once', async () => {
    const server = await startServer({ LOG_LEVEL: 'debug' });
    try {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      await expect.poll(() => server.output()).toMatch(/"level":"debug","msg":"health check","database":"answers"/);
      // Each open SQLite connection holds the database file open once (and its -wal and -shm files beside it). On
      // PostgreSQL the one pool is the module graph's; there is no file to count.
      if (server.databaseUrl) return;
      const handles = readdirSync(`/proc/${server.pid}/fd`)
        .map((fd) => {
          try {
            return readlinkSync(`/proc/${server.pid}/fd/${fd}`);
          } catch {
            return '';
          }
        })
        .filter((target) => target === server.databasePath);
      expect(handles).toHaveLength(1);
    } finally {
      await server.stop();
    }
  });

  it('without LOG_LEVEL=debug the loader logs nothing at debug level', async () => {
    const server = await startServer({ LOG_LEVEL: 'info' });
    try {
      await fetch(`${server.url}/healthz`);
      await fetch(`${server.url}/`);
      await expect.poll(() => server.output()).toContain('"msg":"request"');
      expect(server.output()).not.toContain('"level":"debug"');
    } finally {
      await server.stop();
    }
  });
});
