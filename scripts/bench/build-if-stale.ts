// The pages bench serves build/index.js; rebuild (production) only when app/ changed since, so a concurrent test
// run's build is not swapped out from under it for nothing.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function newestMtimeMs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

export function buildIfStale(log: (message: string) => void): void {
  let builtAt = 0;
  try {
    builtAt = statSync('build/index.js').mtimeMs;
  } catch {
    // never built
  }
  if (builtAt > Math.max(newestMtimeMs('app'), statSync('remix.config.js').mtimeMs)) return;
  log('building the app (production)');
  execFileSync(process.execPath, ['node_modules/@remix-run/dev/dist/cli.js', 'build'], {
    stdio: ['ignore', 2, 2],
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
