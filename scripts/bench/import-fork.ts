// Forks a TypeScript module under tsx and resolves with the first message it sends.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * `env` is added to this process's environment. DATABASE_URL is only ever the one given: it picks the engine of the
 * child's tables when db/tables.ts loads, so a SQLite step must not inherit one.
 */
export function forkTs(module: string, args: string[], env: Record<string, string> = {}): ChildProcess {
  return fork(path.join(here, module), args, {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, DATABASE_URL: undefined, ...env },
  });
}

export async function nextMessage<T>(child: ChildProcess): Promise<T> {
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`${child.spawnargs.join(' ')} exited with ${code} before reporting`);
  });
  const [message] = (await Promise.race([once(child, 'message'), exited])) as [T];
  return message;
}
