// End-to-end tests run the real production build: compile it once per run.
import { execFileSync } from 'node:child_process';

export default function buildOnce() {
  if (process.env.E2E_SKIP_BUILD === '1') return;
  execFileSync(process.execPath, ['node_modules/@remix-run/dev/dist/cli.js', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', VITE_CJS_IGNORE_WARNING: 'true' },
  });
}
