// `npm test`: typecheck, lint, unit/integration and end-to-end tests, then one closing line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const bin = (name) => `node_modules/.bin/${name}`;

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return true;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    console.error(
      `Chromium is missing at ${CHROMIUM}: install it with "sudo apt-get install -y chromium" (or set CHROMIUM_PATH), then run npm test again.`,
    );
    return false;
  }
  console.log("Chromium is missing: installing Debian's chromium package…");
  return (
    run('apt-get install chromium', 'sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium']) &&
    existsSync(CHROMIUM)
  );
}

function vitestCounts(file) {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    return { passed: report.numPassedTests, failed: report.numFailedTests + (report.numRuntimeErrorTests ?? 0) };
  } catch {
    return { passed: 0, failed: 1 };
  }
}

rmSync('tests/.tmp', { recursive: true, force: true });
mkdirSync('tests/.tmp', { recursive: true });
const results = [];
results.push(['chromium', ensureChromium()]);
results.push(['typecheck', run('typecheck', bin('tsc'), ['--noEmit'])]);
results.push(['lint', run('lint', bin('eslint'), ['--max-warnings', '0', '.']) && run('format check', bin('prettier'), ['--check', '.'])]);
results.push([
  'unit',
  run('unit and integration tests', bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    '--outputFile.json=tests/.tmp/unit.json',
  ]),
]);
const chromiumOk = results[0][1];
results.push([
  'e2e',
  chromiumOk &&
    run('end-to-end tests (Chromium)', bin('vitest'), [
      'run',
      '--config',
      'vitest.e2e.config.ts',
      '--reporter=default',
      '--reporter=json',
      '--outputFile.json=tests/.tmp/e2e.json',
    ]),
]);

const unit = vitestCounts('tests/.tmp/unit.json');
const e2e = chromiumOk ? vitestCounts('tests/.tmp/e2e.json') : { passed: 0, failed: 1 };
const failedSteps = results.filter(([, ok]) => !ok).map(([name]) => name);
console.log(`\nSteps: ${results.map(([name, ok]) => `${name} ${ok ? 'ok' : 'FAILED'}`).join(', ')}`);
console.log(`tests: ${unit.passed + e2e.passed} passed, ${unit.failed + e2e.failed} failed`);
process.exit(failedSteps.length === 0 ? 0 : 1);
