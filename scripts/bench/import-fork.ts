// Forks a TypeScript module under tsx and resolves with the first message it sends.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export function forkTs(module: string, args: string[]): ChildProcess {
  return fork(path.join(here, module), args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

export async function nextMessage<T>(child: ChildProcess): Promise<T> {
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`${child.spawnargs.join(' ')} exited with ${code} before reporting`);
  });
  const [message] = (await Promise.race([once(child, 'message'), exited])) as [T];
  return message;
}
