// Runs a helper script (tests/helpers/*.ts) as its own process on this test worker's database and keys, for tests
// where two processes race: resolves with the number the script printed last, after checking it exited cleanly.
import { spawn } from 'node:child_process';
import { once } from 'node:events';

export async function racingProcess(script: string, args: string[]): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    // The same DATA_DIR (keys) and database as this test's worker: its SQLite file (DATABASE_PATH), or under
    // TEST_ENGINE=postgres its PostgreSQL database (DATABASE_URL, set by tests/setup/worker-db.ts), never a fresh one.
    env: { ...process.env, ...sharedDatabase() },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`${script} exited with ${code}`);
  return Number(out.trim().split('\n').at(-1));
}

function sharedDatabase(): Record<string, string> {
  const { DATA_DIR, DATABASE_PATH, DATABASE_URL } = process.env;
  if (!DATA_DIR || !DATABASE_PATH) throw new Error('racingProcess runs in a test worker (tests/setup/worker-db.ts sets DATA_DIR)');
  if (process.env.TEST_ENGINE === 'postgres' && !DATABASE_URL) throw new Error('TEST_ENGINE=postgres, but this worker has no DATABASE_URL');
  return { DATA_DIR, DATABASE_PATH, ...(DATABASE_URL ? { DATABASE_URL } : {}) };
}
