// Whole first visits (issue 19): many distinct customers at once against the real portal over HTTP, each enrolling
// with a code, creating a passkey, reading /account, changing the PIN and turning port-out protection on
// (journey-driver.ts), on SQLite and PostgreSQL at WEB_CONCURRENCY 1 and 2, each run on a fresh copy of the same
// prepared accounts (journey-db.ts). Beside each figure, the floor the primitives set on this machine, timed in the
// same run: journeys/s can be no more than cores / (the Argon2id work of a PIN change + the ES256 verifications +
// the page renders of one journey), so the figure reads as a share of that limit.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildIfStale } from './build-if-stale';
import {
  ensureJourneyPostgres,
  ensureJourneyTemplate,
  freshPostgresCopy,
  freshSqliteCopy,
  readSecrets,
  type JourneyPostgres,
  type JourneySecrets,
  type JourneyTemplate,
} from './journey-db';
import { journeyPortalEnv, startJourneyPortal, type JourneyPortal } from './journey-portal';
import { measurePrimitives, type PrimitiveTimes } from './journey-primitives';
import { largestProfile, selfTimeByPackage, type PackageTime } from './journey-profile';
import { JOURNEY_STEPS, type DriverInput, type DriverResult, type Percentiles } from './journey-steps';
import type { PortalSettings } from './portal-process';

export type JourneyEngine = 'SQLite' | 'PostgreSQL';

/** What one journey costs in primitives, from the portal's code (app/services/pin.server.ts, webauthn.server.ts). */
export const PRIMITIVES_PER_JOURNEY = {
  /**
   * changePin with the current PIN: the current PIN checked against the stored hash (checkPinAgainstLock), then the new
   * PIN against the history (checkNewPin's reuse check compares the current one as text; the prepared accounts have
   * no history yet, so that is none), then the new PIN hashed.
   */
  argon2Verifications: 1,
  argon2Hashes: 1,
  /** Enrollment creates a passkey with "none" attestation: the registration checks no signature, and nothing signs in. */
  es256Verifications: 0,
  /** Documents the journey has rendered: /account (a first view), and the protection page the lock's form answers with. */
  renders: ['/account', '/account/protection'] as const,
};

export interface JourneyRow {
  engine: JourneyEngine;
  processes: number;
  concurrency: number;
  journeysPerSecond: number;
  /** cores / primitiveMsPerJourney: what the primitives alone would allow with every core on them. */
  floorJourneysPerSecond: number;
  shareOfFloor: number;
  /** Portal CPU per request of each rendered page, one request at a time on the idle portal after the journeys. */
  renderMs: Record<(typeof PRIMITIVES_PER_JOURNEY.renders)[number], number>;
  primitiveMsPerJourney: number;
  /** CPU per journey in the window: the portal (all its processes), this bench's driver, PostgreSQL's server. */
  cpuMsPerJourney: DriverResult['cpuMsPerJourney'];
  /** cores / all of that CPU: what the machine could do at the CPU the run used per journey. */
  cpuBoundJourneysPerSecond: number;
  /** Failed journeys plus failed checks of the database afterwards. */
  errors: number;
  /** The portal's own error lines in its log during the run (kind of error, and its code when it has one), counted. */
  serverErrors: Array<{ what: string; count: number }>;
  portalPeakRssMb: number;
  driver: DriverResult;
}

export interface JourneyBenchResult {
  cores: number;
  accounts: number;
  preparation: { reused: boolean; seconds: number; postgres: { reused: boolean; seconds: number } | null };
  options: Required<JourneyBenchOptions>;
  /** Timed before the first run and after the last; the floors use their mean. */
  primitives: { before: PrimitiveTimes; after: PrimitiveTimes; used: PrimitiveTimes };
  perJourney: typeof PRIMITIVES_PER_JOURNEY;
  rows: JourneyRow[];
  targets: Record<string, { value: number; target: string; met: boolean }>;
  /** The machine's load average (1, 5, 15 min) at the start and at the end: others' work shows in it. */
  loadAverage: { before: number[]; after: number[] };
  /** BENCH_JOURNEY_CPU_PROF=1: the first run's portal (main thread, start-up and render timing included), by package. */
  profile: { run: string; byPackage: PackageTime[] } | null;
}

export interface JourneyBenchOptions {
  accounts?: number;
  seed?: number;
  concurrency?: number;
  durationSeconds?: number;
  warmupSeconds?: number;
  processes?: number[];
  engines?: Array<'sqlite' | 'postgres'>;
  drainSeconds?: number;
  /** Requests per rendered page for its CPU cost. */
  renderRequests?: number;
  /** Profile the portal of the first run (node --cpu-prof). */
  cpuProfile?: boolean;
}

const RESULTS_DIR = path.resolve('bench-results');
const TSX = path.resolve('node_modules/.bin/tsx');

function log(message: string): void {
  console.error(`[bench:journey] ${message}`);
}

const n = (value: number, digits = 0) =>
  Number.isFinite(value) ? value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '–';

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name}: expected a positive number (got ${JSON.stringify(raw)})`);
  return value;
}

function optionsFromEnv(input: JourneyBenchOptions): Required<JourneyBenchOptions> {
  return {
    accounts: envNumber('BENCH_JOURNEY_ACCOUNTS', 2000),
    seed: envNumber('BENCH_JOURNEY_SEED', 19),
    concurrency: envNumber('BENCH_JOURNEY_CONCURRENCY', 64),
    durationSeconds: envNumber('BENCH_JOURNEY_SECONDS', 20),
    warmupSeconds: envNumber('BENCH_JOURNEY_WARMUP_SECONDS', 5),
    processes: (process.env.BENCH_JOURNEY_PROCESSES || '1,2').split(',').map(Number),
    engines: (process.env.BENCH_JOURNEY_ENGINES || 'sqlite,postgres').split(',') as Array<'sqlite' | 'postgres'>,
    drainSeconds: envNumber('BENCH_JOURNEY_DRAIN_SECONDS', 30),
    renderRequests: envNumber('BENCH_JOURNEY_RENDER_REQUESTS', 200),
    cpuProfile: process.env.BENCH_JOURNEY_CPU_PROF === '1',
    ...input,
  };
}

async function runDriver(settings: PortalSettings, input: DriverInput): Promise<DriverResult> {
  const inputFile = path.join(RESULTS_DIR, 'journey-driver-input.json');
  writeFileSync(inputFile, JSON.stringify(input));
  const child = spawn(TSX, ['scripts/bench/journey-driver.ts', inputFile], {
    env: journeyPortalEnv(settings),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  rmSync(inputFile, { force: true });
  if (code !== 0) throw new Error(`journey-driver exited with ${code}`);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as DriverResult;
}

function get(url: string, headers: Record<string, string>, agent: Agent): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers, agent }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes }));
      response.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

/**
 * The portal's CPU per request of a page the journeys rendered, asked one at a time by the signed-in customers of the
 * run (their own cookie and address) on the otherwise idle portal, less its idle background work. Neither URL is
 * served by the page memo (a query string, or a page it does not keep), so each request renders.
 */
async function measureRender(portal: JourneyPortal, sessions: DriverResult['sessions'], page: 'account' | 'protection', requests: number) {
  if (sessions.length === 0) return Number.NaN;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const idleFrom = portal.cpuMs();
    const idleStarted = performance.now();
    await sleep(1000);
    const idleMsPerMs = (portal.cpuMs() - idleFrom) / (performance.now() - idleStarted);
    const ask = async (index: number) => {
      const session = sessions[index % sessions.length]!;
      const url = `${portal.url}${page === 'account' ? session.accountUrl : '/account/protection'}`;
      const headers = {
        host: new URL(portal.origin).host,
        accept: 'text/html',
        'accept-encoding': 'gzip',
        'accept-language': 'en-US,en;q=0.9',
        cookie: session.cookie,
        'x-forwarded-for': session.address,
      };
      const answer = await get(url, headers, agent);
      if (answer.status !== 200) throw new Error(`${url} answered ${answer.status} to a signed-in customer`);
    };
    // Half as many first, untimed: the runs' last minutes may have been spent on other pages' code.
    for (let index = 0; index < requests / 2; index++) await ask(index);
    const cpuBefore = portal.cpuMs();
    const started = performance.now();
    for (let index = 0; index < requests; index++) await ask(index);
    const elapsed = performance.now() - started;
    return Math.max(0, portal.cpuMs() - cpuBefore - idleMsPerMs * elapsed) / requests;
  } finally {
    agent.destroy();
  }
}

/** The error-level lines of the portal's log, grouped by what they say (the log never holds personal data). */
function errorLines(logFile: string): JourneyRow['serverErrors'] {
  const counts = new Map<string, number>();
  for (const line of readFileSync(logFile, 'utf8').split('\n')) {
    if (!line.includes('"level":"error"')) continue;
    try {
      const entry = JSON.parse(line) as { msg?: string; path?: string; error?: string; code?: string };
      const what = [entry.msg, entry.path, entry.error, entry.code && `code ${entry.code}`].filter(Boolean).join(', ');
      counts.set(what, (counts.get(what) ?? 0) + 1);
    } catch {
      counts.set(line.slice(0, 120), (counts.get(line.slice(0, 120)) ?? 0) + 1);
    }
  }
  return [...counts].map(([what, count]) => ({ what, count })).sort((a, b) => b.count - a.count);
}

function postmasterPid(template: JourneyTemplate): number {
  return Number(readFileSync(path.join(template.root, 'pg-server', 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

interface RunContext {
  options: Required<JourneyBenchOptions>;
  template: JourneyTemplate;
  secrets: JourneySecrets;
  primitivesMs: number;
  cores: number;
}

async function measureRun(
  engine: JourneyEngine,
  processes: number,
  database: { dataDir: string; databasePath?: string; databaseUrl?: string },
  databasePid: number | null,
  context: RunContext,
  cpuProfileDir?: string,
): Promise<JourneyRow> {
  const label = `${engine}-${processes}`;
  const settings: PortalSettings = {
    dataDir: database.dataDir,
    databasePath: database.databasePath ?? path.join(database.dataDir, 'portal.db'),
    databaseUrl: database.databaseUrl,
    ...context.secrets,
    logFile: path.join(RESULTS_DIR, `journey-server-${label}.log`),
    webConcurrency: processes,
    cpuProfileDir,
  };
  const portal = await startJourneyPortal(settings);
  log(`portal on ${engine}, WEB_CONCURRENCY=${processes} (pid ${portal.pid}) on ${portal.url}`);
  let driver: DriverResult;
  let renderMs: JourneyRow['renderMs'];
  let portalPeakRssMb = Number.NaN;
  try {
    const { options } = context;
    log(`${options.concurrency} customers at once: ${options.warmupSeconds} s warm-up, ${options.durationSeconds} s measured`);
    driver = await runDriver(settings, {
      url: portal.url,
      origin: portal.origin,
      customersFile: context.template.customersFile,
      concurrency: options.concurrency,
      warmupSeconds: options.warmupSeconds,
      durationSeconds: options.durationSeconds,
      drainSeconds: options.drainSeconds,
      sessionSamples: 50,
      pinSamples: 20,
      portalPid: portal.pid,
      databasePid,
    });
    log('timing the renders');
    renderMs = {
      '/account': await measureRender(portal, driver.sessions, 'account', options.renderRequests),
      '/account/protection': await measureRender(portal, driver.sessions, 'protection', options.renderRequests),
    };
  } finally {
    portalPeakRssMb = portal.peakRssMb();
    await portal.stop();
  }
  const serverErrors = errorLines(settings.logFile);
  const primitiveMsPerJourney = context.primitivesMs + renderMs['/account'] + renderMs['/account/protection'];
  const floorJourneysPerSecond = (context.cores * 1000) / primitiveMsPerJourney;
  const cpu = driver.cpuMsPerJourney;
  const machineMs = cpu.portal + cpu.driver + (cpu.database ?? 0);
  const row: JourneyRow = {
    engine,
    processes,
    concurrency: driver.concurrency,
    journeysPerSecond: driver.journeysPerSecond,
    floorJourneysPerSecond,
    shareOfFloor: driver.journeysPerSecond / floorJourneysPerSecond,
    renderMs,
    primitiveMsPerJourney,
    cpuMsPerJourney: cpu,
    cpuBoundJourneysPerSecond: (context.cores * 1000) / machineMs,
    errors: driver.failed + driver.outcomes.errors,
    serverErrors,
    portalPeakRssMb,
    driver,
  };
  log(
    `${engine} ×${processes}: ${n(row.journeysPerSecond, 1)} journeys/s, floor ${n(floorJourneysPerSecond, 1)} (share ${n(row.shareOfFloor, 2)}), ${row.errors} errors`,
  );
  return row;
}

function meanPrimitives(a: PrimitiveTimes, b: PrimitiveTimes): PrimitiveTimes {
  const mean = (key: keyof Omit<PrimitiveTimes, 'samples'>) => (a[key] + b[key]) / 2;
  return {
    argon2HashMs: mean('argon2HashMs'),
    argon2VerifyMs: mean('argon2VerifyMs'),
    argon2ParallelMsPerCore: mean('argon2ParallelMsPerCore'),
    es256VerifyMs: mean('es256VerifyMs'),
    samples: { argon2: a.samples.argon2 + b.samples.argon2, es256: a.samples.es256 + b.samples.es256 },
  };
}

/** Argon2id and ES256 ms per journey (the renders are added per run, measured against that run's portal). */
function primitivesMsOf(times: PrimitiveTimes): number {
  const per = PRIMITIVES_PER_JOURNEY;
  return (
    per.argon2Verifications * times.argon2VerifyMs + per.argon2Hashes * times.argon2HashMs + per.es256Verifications * times.es256VerifyMs
  );
}

export async function runJourneyBench(input: JourneyBenchOptions = {}): Promise<JourneyBenchResult> {
  const options = optionsFromEnv(input);
  const cores = os.availableParallelism();
  const loadBefore = os.loadavg();
  mkdirSync(RESULTS_DIR, { recursive: true });
  buildIfStale(log);
  const template = ensureJourneyTemplate(options.accounts, options.seed, log);
  log(template.reused ? `reusing ${template.sqliteDir}` : `accounts ready in ${template.prepareSeconds.toFixed(0)} s`);
  const secrets = readSecrets(template.sqliteDir);
  const primitiveSamples = { argon2Samples: 15, es256Samples: 300, cores };
  log('timing the primitives (Argon2id, ES256)');
  const before = await measurePrimitives(primitiveSamples);

  const rows: JourneyRow[] = [];
  const context: RunContext = { options, template, secrets, primitivesMs: primitivesMsOf(before), cores };
  const runDir = (label: string) => path.join(RESULTS_DIR, 'journey-run', label);
  const cpuProfileDir = path.join(RESULTS_DIR, 'journey-profile');
  rmSync(cpuProfileDir, { recursive: true, force: true });
  // Only the first run is profiled: the profiler's own cost would move every figure after it.
  const profiled = () => (options.cpuProfile && rows.length === 0 ? cpuProfileDir : undefined);
  if (options.engines.includes('sqlite')) {
    for (const processes of options.processes) {
      const copy = freshSqliteCopy(template, runDir(`sqlite-${processes}`));
      rows.push(await measureRun('SQLite', processes, copy, null, context, profiled()));
    }
  }
  let postgres: JourneyPostgres | null = null;
  if (options.engines.includes('postgres')) {
    postgres = await ensureJourneyPostgres(template, options.accounts, options.seed, log);
    if (!postgres) log('PostgreSQL skipped: no PostgreSQL server programs on this machine');
    else {
      log(postgres.reused ? 'reusing the PostgreSQL template' : `PostgreSQL ready in ${postgres.prepareSeconds.toFixed(0)} s`);
      try {
        for (const processes of options.processes) {
          const copy = await freshPostgresCopy(postgres, runDir(`postgres-${processes}`));
          rows.push(await measureRun('PostgreSQL', processes, copy, postmasterPid(template), context, profiled()));
        }
      } finally {
        postgres.stop();
      }
    }
  }
  log('timing the primitives again');
  const after = await measurePrimitives(primitiveSamples);
  const used = meanPrimitives(before, after);
  // The floors use the mean of the two timings; the runs' own renders stay as measured.
  for (const row of rows) {
    row.primitiveMsPerJourney = primitivesMsOf(used) + row.renderMs['/account'] + row.renderMs['/account/protection'];
    row.floorJourneysPerSecond = (cores * 1000) / row.primitiveMsPerJourney;
    row.shareOfFloor = row.journeysPerSecond / row.floorJourneysPerSecond;
  }

  const targets: JourneyBenchResult['targets'] = {};
  const sqlite2 = rows.find((row) => row.engine === 'SQLite' && row.processes === 2);
  if (sqlite2)
    targets['journeys/s share of the floor, SQLite, 2 processes'] = {
      value: sqlite2.shareOfFloor,
      target: '>= 0.6',
      met: sqlite2.shareOfFloor >= 0.6,
    };
  const errors = rows.reduce((sum, row) => sum + row.errors, 0);
  targets['errors (failed journeys + failed checks), all runs'] = { value: errors, target: '0', met: errors === 0 };
  return {
    cores,
    accounts: options.accounts,
    preparation: {
      reused: template.reused,
      seconds: template.prepareSeconds,
      postgres: postgres ? { reused: postgres.reused, seconds: postgres.prepareSeconds } : null,
    },
    options,
    primitives: { before, after, used },
    perJourney: PRIMITIVES_PER_JOURNEY,
    rows,
    targets,
    loadAverage: { before: loadBefore, after: os.loadavg() },
    profile: profileOf(options.cpuProfile ? cpuProfileDir : null, rows[0]),
  };
}

function profileOf(dir: string | null, row: JourneyRow | undefined): JourneyBenchResult['profile'] {
  const file = dir && row ? largestProfile(dir) : null;
  return file && row
    ? { run: `${row.engine}, ${row.processes} process${row.processes === 1 ? '' : 'es'}`, byPackage: selfTimeByPackage(file) }
    : null;
}

const STEP_LABELS = [...JOURNEY_STEPS, 'whole journey'] as const;

const p50p99 = (figures: Percentiles) => `${n(figures.p50Ms)} / ${n(figures.p99Ms)}`;

export function journeyBenchTable(result: JourneyBenchResult): string {
  const p = result.primitives.used;
  const per = result.perJourney;
  const runName = (row: JourneyRow) => `${row.engine}, ${row.processes} process${row.processes === 1 ? '' : 'es'}`;
  const locks = (row: JourneyRow) => {
    const o = row.driver.outcomes;
    const allOn =
      o.secondsUntilAllOn === null ? `not all on after ${result.options.drainSeconds} s` : `all on ${n(o.secondsUntilAllOn, 1)} s later`;
    return `${o.locksAtEnd.on} on, ${o.locksAtEnd.pending} pending, ${o.locksAtEnd.other} other; ${allOn}`;
  };
  return [
    `Journeys: ${n(result.accounts)} prepared accounts, ${result.options.concurrency} customers at once, ${result.options.warmupSeconds} s warm-up then ${result.options.durationSeconds} s measured per run, ${result.cores} cores; load average ${result.loadAverage.before.map((l) => l.toFixed(2)).join(' ')} at start, ${result.loadAverage.after.map((l) => l.toFixed(2)).join(' ')} at end.`,
    `Primitives (median, this run): Argon2id hash ${n(p.argon2HashMs, 1)} ms, verification ${n(p.argon2VerifyMs, 1)} ms (${n(p.argon2ParallelMsPerCore, 1)} ms per hash per core with ${result.cores} at once); ES256 verification ${n(p.es256VerifyMs, 3)} ms. Per journey: ${per.argon2Verifications} Argon2id verifications + ${per.argon2Hashes} hash (the PIN change), ${per.es256Verifications} ES256 verifications, renders of ${per.renders.join(' and ')}.`,
    'Floor = cores / (Argon2id work + ES256 work + the renders), in journeys/s; share = journeys/s ÷ floor. CPU-bound = cores / (portal + driver + database CPU per journey): what the run would reach with the whole machine to itself at the CPU it spent.',
    '',
    '| run | journeys/s | floor | share | errors | portal CPU ms/journey | primitives ms/journey | driver CPU ms/journey | database CPU ms/journey | CPU-bound journeys/s | render ms /account, /account/protection | whole-account port-out lock at the end |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...result.rows.map(
      (row) =>
        `| ${runName(row)} | ${n(row.journeysPerSecond, 1)} | ${n(row.floorJourneysPerSecond, 1)} | ${n(row.shareOfFloor, 2)} | ${row.errors} | ${n(row.cpuMsPerJourney.portal, 1)} | ${n(row.primitiveMsPerJourney, 1)} | ${n(row.cpuMsPerJourney.driver, 1)} | ${row.cpuMsPerJourney.database === null ? '' : n(row.cpuMsPerJourney.database, 1)} | ${n(row.cpuBoundJourneysPerSecond, 1)} | ${n(row.renderMs['/account'], 2)}, ${n(row.renderMs['/account/protection'], 2)} | ${locks(row)} |`,
    ),
    '',
    `| step: p50 / p99 ms | ${result.rows.map(runName).join(' | ')} |`,
    `|---|${result.rows.map(() => '---:').join('|')}|`,
    ...STEP_LABELS.map((step) => `| ${step} | ${result.rows.map((row) => p50p99(row.driver.steps[step])).join(' | ')} |`),
    '',
    ...Object.entries(result.targets).map(([name, t]) => `Target: ${name} ${t.target}: ${n(t.value, 2)}, ${t.met ? 'met' : 'not met'}.`),
    ...result.rows.flatMap((row) => [
      ...row.driver.failures.map((failure) => `Failures, ${runName(row)}: ${failure.count} × ${failure.step}: ${failure.reason}`),
      ...row.serverErrors.map((entry) => `Portal log, ${runName(row)}: ${entry.count} × ${entry.what}`),
      ...(row.driver.ranOutOfCustomers
        ? [`${runName(row)}: the prepared accounts ran out before the run's end; the window ends there (raise BENCH_JOURNEY_ACCOUNTS)`]
        : []),
    ]),
    ...(result.profile
      ? [
          '',
          `Portal main-thread CPU by package (${result.profile.run}, profiled: that run's figures include the profiler's cost):`,
          '',
          '| package | self ms | share of busy |',
          '|---|---:|---:|',
          ...result.profile.byPackage.map((entry) => `| ${entry.name} | ${n(entry.selfMs)} | ${n(entry.share * 100, 1)} % |`),
        ]
      : []),
  ].join('\n');
}
