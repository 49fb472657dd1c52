import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../helpers/server';

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
