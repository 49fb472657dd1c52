// `npm test`: typecheck, lint, then the unit/integration and end-to-end suites on SQLite and again on PostgreSQL (a
// throwaway server from the machine's binaries, or TEST_DATABASE_URL's), then one closing line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';

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

// The same test as tests/setup/postgres.ts, so a machine without PostgreSQL says so once instead of failing each file.
function postgresAvailable() {
  if (process.env.TEST_DATABASE_URL) return true;
  const dirs = process.env.PG_BIN
    ? [process.env.PG_BIN]
    : existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql').map((version) => `/usr/lib/postgresql/${version}/bin`)
      : [];
  return dirs.some((dir) => existsSync(`${dir}/initdb`) && existsSync(`${dir}/pg_ctl`));
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
const chromiumOk = results[0][1];
const counts = [];

function suites(engine, env) {
  const suffix = engine === 'SQLite' ? '' : '-pg';
  const unitReport = `tests/.tmp/unit${suffix}.json`;
  const e2eReport = `tests/.tmp/e2e${suffix}.json`;
  results.push([
    `unit (${engine})`,
    run(
      `unit and integration tests on ${engine}`,
      bin('vitest'),
      ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitReport}`],
      env,
    ),
  ]);
  results.push([
    `e2e (${engine})`,
    chromiumOk &&
      run(
        `end-to-end tests on ${engine} (Chromium)`,
        bin('vitest'),
        ['run', '--config', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${e2eReport}`],
        env,
      ),
  ]);
  counts.push(vitestCounts(unitReport), chromiumOk ? vitestCounts(e2eReport) : { passed: 0, failed: 1 });
}

suites('SQLite', {});
if (postgresAvailable()) {
  // The e2e build is the same for both engines: compiled once, by the SQLite run.
  suites('PostgreSQL', { TEST_ENGINE: 'postgres', E2E_SKIP_BUILD: '1' });
} else {
  const line =
    "PostgreSQL half skipped: no PostgreSQL server programs (initdb, pg_ctl) here; install Debian's postgresql package, or set TEST_DATABASE_URL=postgres://… to use a server you have";
  console.log(`\n${line}`);
  results.push(['postgresql', process.env.CI !== 'true']); // under CI the half must run
}

const passed = counts.reduce((sum, count) => sum + count.passed, 0);
const failed = counts.reduce((sum, count) => sum + count.failed, 0);
const failedSteps = results.filter(([, ok]) => !ok).map(([name]) => name);
console.log(`\nSteps: ${results.map(([name, ok]) => `${name} ${ok ? 'ok' : 'FAILED'}`).join(', ')}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failedSteps.length === 0 ? 0 : 1);
