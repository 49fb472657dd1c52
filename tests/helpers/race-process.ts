// Runs a helper script (tests/helpers/*.ts) as its own process on this test worker's database and keys, for tests
// where two processes race: resolves with the number the script printed last, after checking it exited cleanly.
import { spawn } from 'node:child_process';
import { once } from 'node:events';

export async function racingProcess(script: string, args: string[]): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    env: process.env, // the same DATA_DIR, DATABASE_PATH and keys as this test's worker
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`${script} exited with ${code}`);
  return Number(out.trim().split('\n').at(-1));
}
