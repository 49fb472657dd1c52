// Pages under load: the real portal (one process, production settings, 2.3 M accounts) against a bare node:http
// server (one process) answering the same bytes. Both get the same request headers, including Accept-Encoding: gzip.
import { fork, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import type { CapturedPage } from './bare-server';
import { buildIfStale } from './build-if-stale';
import { topSelfTime, type SelfTime } from './cpu-profile';
import { measureLoad, type LoadFigures } from './load';
import { ensureBenchDatabase, ensureBenchPostgres } from './pages-db';
import { portalEnv, randomSecret, startPortal, type PortalSettings } from './portal-process';

export type BenchEngine = 'SQLite' | 'PostgreSQL';

export interface PageLoadRow {
  engine: BenchEngine;
  /** '/account (first view)': each signed-in customer's first request, so every page is rendered (a memo miss). */
  page: '/account' | '/account (first view)' | '/';
  /** WEB_CONCURRENCY of the portal, and the bare server's process count beside it. */
  processes: number;
  connections: number;
  portal: LoadFigures;
  /** The portal's CPU time per request during the measured run: steadier than req/s on a busy machine. */
  portalCpuMsPerRequest: number;
  bare: LoadFigures;
  ratio: number;
}

export interface PagesBenchResult {
  accounts: number;
  sessions: number;
  durationSeconds: number;
  warmupSeconds: number;
  requestHeaders: Record<string, string>;
  pageBytes: Record<string, { compressed: number; encoding: string | null }>;
  rows: PageLoadRow[];
  /** Peak RSS at one process; with several, the sum of the workers' peaks (and the primary's). */
  portalPeakRssMb: number;
  portalPeakRssMbByProcesses: Record<number, number>;
  /** The same with the portal on PostgreSQL (the sum over the portal's processes; the database server apart). */
  portalPeakRssMbByProcessesOnPostgres: Record<number, number>;
  profile: SelfTime[] | null;
  targets: Record<string, { value: number; target: string; met: boolean }>;
}

export interface PagesBenchOptions {
  accounts?: number;
  seed?: number;
  sessions?: number;
  durationSeconds?: number;
  warmupSeconds?: number;
  connections?: number[];
  /** WEB_CONCURRENCY values to measure, each against a bare server with as many processes. */
  processes?: number[];
  /** PostgreSQL is measured too when the machine has its server programs. */
  engines?: Array<'sqlite' | 'postgres'>;
  cpuProfile?: boolean;
}

const PAGES = ['/account', '/'] as const;
// Customers whose first views warm each newly started worker (its JIT, its caches) before the measured first views:
// otherwise the figure is a cold process's. Per worker: with 1,000 for the whole portal, each of two workers had half
// the warm-up of one, and its first views cost 2.32 ms of CPU against 1.39.
const WARM_UP_CUSTOMERS_PER_PROCESS = 1000;
// What a browser sends for a page; the same for both servers, so both answer with gzip.
const REQUEST_HEADERS = { accept: 'text/html', 'accept-encoding': 'gzip' };
const RESULTS_DIR = path.resolve('bench-results');

function log(message: string): void {
  console.error(`[bench:pages] ${message}`);
}

function createSessions(settings: PortalSettings, count: number): string[] {
  const result = spawnSync(path.resolve('node_modules/.bin/tsx'), ['scripts/bench/pages-sessions.ts', String(count)], {
    env: portalEnv(settings),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`pages-sessions exited with ${result.status}`);
  return JSON.parse(result.stdout) as string[];
}

/** The raw (still compressed) answer, as autocannon receives it. */
function capture(url: string, cookie: string | undefined): Promise<CapturedPage & { status: number }> {
  return new Promise((resolve, reject) => {
    const headers = { ...REQUEST_HEADERS, ...(cookie ? { cookie } : {}) };
    httpRequest(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          contentType: String(response.headers['content-type'] ?? ''),
          contentEncoding: response.headers['content-encoding'] ?? null,
          bodyBase64: Buffer.concat(chunks).toString('base64'),
        }),
      );
      response.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

async function loadBare(page: CapturedPage, options: Required<PagesBenchOptions>, processes: number): Promise<Map<number, LoadFigures>> {
  const pageFile = path.join(RESULTS_DIR, 'bare-page.json');
  writeFileSync(pageFile, JSON.stringify(page));
  const server = fork(path.resolve('scripts/bench/bare-server.ts'), [pageFile, String(processes)], {
    execArgv: ['--import', 'tsx'],
    stdio: 'inherit',
  });
  const [{ port }] = (await once(server, 'message')) as [{ port: number }];
  const figures = new Map<number, LoadFigures>();
  try {
    for (const connections of options.connections) {
      figures.set(
        connections,
        await measureLoad({ url: `http://127.0.0.1:${port}/`, connections, ...loadTiming(options), headers: REQUEST_HEADERS }),
      );
    }
  } finally {
    server.kill();
  }
  return figures;
}

function loadTiming(options: Required<PagesBenchOptions>) {
  return { durationSeconds: options.durationSeconds, warmupSeconds: options.warmupSeconds };
}

/** The server's main thread: the largest profile (tsx's loader thread writes a small one beside it). */
function mainThreadProfile(dir: string): string | null {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => path.join(dir, name));
  return files.sort((a, b) => statSync(b).size - statSync(a).size)[0] ?? null;
}

export async function runPagesBench(input: PagesBenchOptions = {}): Promise<PagesBenchResult> {
  const options: Required<PagesBenchOptions> = {
    accounts: Number(process.env.BENCH_ACCOUNTS ?? 2_300_000),
    seed: 2018,
    sessions: 2000,
    durationSeconds: Number(process.env.BENCH_PAGES_SECONDS ?? 10),
    warmupSeconds: 3,
    connections: (process.env.BENCH_PAGES_CONNECTIONS ?? '32,128').split(',').map(Number),
    processes: (process.env.BENCH_PAGES_PROCESSES ?? '1,2').split(',').map(Number),
    engines: (process.env.BENCH_PAGES_ENGINES ?? 'sqlite,postgres').split(',') as Array<'sqlite' | 'postgres'>,
    cpuProfile: process.env.BENCH_CPU_PROF === '1',
    ...input,
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  buildIfStale(log);
  const database = ensureBenchDatabase(options.accounts, options.seed, log);
  log(database.reused ? `reusing ${database.databasePath}` : `database ready in ${database.prepareSeconds.toFixed(0)} s`);

  const cpuProfileDir = options.cpuProfile ? path.join(RESULTS_DIR, 'pages-profile') : undefined;
  if (cpuProfileDir) rmSync(cpuProfileDir, { recursive: true, force: true });
  const settings: PortalSettings = {
    dataDir: database.dataDir,
    databasePath: database.databasePath,
    sessionSecret: randomSecret(),
    pinPepper: randomSecret(),
    auditKey: randomSecret(),
    outboxKey: randomSecret(),
    logFile: path.join(RESULTS_DIR, 'pages-server.log'),
    cpuProfileDir,
  };
  let captured: Map<string, CapturedPage> | undefined;
  const rows: PageLoadRow[] = [];
  const peakRssMbByProcesses: Record<number, number> = {};
  const peakRssMbByProcessesOnPostgres: Record<number, number> = {};
  const measureEngine = async (engine: BenchEngine, engineSettings: PortalSettings, peaks: Record<number, number>) => {
    log(`${engine}: signing in ${options.sessions} customers through the session service`);
    const warmUpCustomers = WARM_UP_CUSTOMERS_PER_PROCESS * Math.max(...options.processes);
    const signedIn = createSessions(engineSettings, options.sessions + warmUpCustomers);
    const measuredCookies = signedIn.slice(warmUpCustomers);
    for (const processes of options.processes) {
      const cookies = { warmUp: signedIn.slice(0, WARM_UP_CUSTOMERS_PER_PROCESS * processes), measured: measuredCookies };
      const measured = await measureAtProcesses(engine, { ...engineSettings, webConcurrency: processes }, processes, cookies, options);
      rows.push(...measured.rows);
      peaks[processes] = measured.portalPeakRssMb;
      captured ??= measured.captured;
    }
    return measuredCookies.length;
  };
  const sessions = options.engines.includes('sqlite') ? await measureEngine('SQLite', settings, peakRssMbByProcesses) : 0;
  if (options.engines.includes('postgres')) {
    const postgres = await ensureBenchPostgres(options.accounts, options.seed, log);
    if (!postgres) log('PostgreSQL skipped: no PostgreSQL server programs on this machine');
    else {
      log(
        postgres.reused
          ? `reusing PostgreSQL at ${new URL(postgres.databaseUrl).host}`
          : `PostgreSQL ready in ${postgres.prepareSeconds.toFixed(0)} s`,
      );
      try {
        await measureEngine(
          'PostgreSQL',
          { ...settings, dataDir: postgres.dataDir, databaseUrl: postgres.databaseUrl },
          peakRssMbByProcessesOnPostgres,
        );
      } finally {
        postgres.stop();
      }
    }
  }
  const profileFile = cpuProfileDir ? mainThreadProfile(cpuProfileDir) : null;
  const find = (engine: BenchEngine, page: PageLoadRow['page'], processes = 1) =>
    rows.find((row) => row.engine === engine && row.page === page && row.connections === 32 && row.processes === processes);
  const account32 = find('SQLite', '/account');
  const home32 = find('SQLite', '/');
  const targets: PagesBenchResult['targets'] = {};
  if (account32) {
    targets['/account p99 ms at 32'] = { value: account32.portal.latencyP99Ms, target: '< 100', met: account32.portal.latencyP99Ms < 100 };
    const failures = account32.portal.errors + account32.portal.non2xx;
    targets['/account errors + non-2xx at 32'] = { value: failures, target: '0', met: failures === 0 };
    targets['/account ratio at 32'] = { value: account32.ratio, target: '>= 0.04', met: account32.ratio >= 0.04 };
  }
  if (home32) targets['/ ratio at 32'] = { value: home32.ratio, target: '>= 0.08', met: home32.ratio >= 0.08 };
  for (const page of ['/account (first view)', '/account'] as const) {
    const onSqlite = find('SQLite', page);
    const onPostgres = find('PostgreSQL', page);
    if (onSqlite && onPostgres) {
      const share = onPostgres.portal.requestsPerSecond / onSqlite.portal.requestsPerSecond;
      targets[`${page} req/s at 32, PostgreSQL / SQLite`] = { value: share, target: '>= 0.6', met: share >= 0.6 };
    }
    for (const engine of ['SQLite', 'PostgreSQL'] as const) {
      const one = find(engine, page, 1);
      const two = find(engine, page, 2);
      if (one && two)
        targets[`${page} ${engine}: ratio to bare at 2 processes / at 1`] = {
          value: two.ratio / one.ratio,
          target: '>= 1',
          met: two.ratio >= one.ratio,
        };
    }
  }

  return {
    accounts: options.accounts,
    sessions,
    durationSeconds: options.durationSeconds,
    warmupSeconds: options.warmupSeconds,
    requestHeaders: REQUEST_HEADERS,
    pageBytes: Object.fromEntries(
      [...(captured ?? [])].map(([page, answer]) => [
        page,
        { compressed: Buffer.from(answer.bodyBase64, 'base64').length, encoding: answer.contentEncoding },
      ]),
    ),
    rows,
    portalPeakRssMb: peakRssMbByProcesses[1] ?? Number.NaN,
    portalPeakRssMbByProcesses: peakRssMbByProcesses,
    portalPeakRssMbByProcessesOnPostgres: peakRssMbByProcessesOnPostgres,
    profile: profileFile ? topSelfTime(profileFile, 25) : null,
    targets,
  };
}

/** The portal at WEB_CONCURRENCY=processes against a bare server with the same number of processes. */
async function measureAtProcesses(
  engine: BenchEngine,
  settings: PortalSettings,
  processes: number,
  signedIn: { warmUp: string[]; measured: string[] },
  options: Required<PagesBenchOptions>,
): Promise<{ rows: PageLoadRow[]; portalPeakRssMb: number; captured: Map<string, CapturedPage> }> {
  const cookies = signedIn.measured;
  const portal = await startPortal(settings);
  log(`portal on ${engine} (pid ${portal.pid}, ${processes} process${processes === 1 ? '' : 'es'}) on ${portal.url}`);
  const captured = new Map<string, CapturedPage>();
  const portalFigures = new Map<string, LoadFigures & { cpuMsPerRequest: number }>();
  let portalPeakRssMb = Number.NaN;
  try {
    for (const page of PAGES) {
      const answer = await capture(`${portal.url}${page}`, page === '/account' ? cookies[0] : undefined);
      if (answer.status !== 200) throw new Error(`${page} answered ${answer.status}, expected 200`);
      captured.set(page, answer);
      if (page === '/account') {
        log(
          `portal /account: ${signedIn.warmUp.length} customers' first views to warm it, then each of ${cookies.length} others' at 32 connections`,
        );
        await measureLoad({
          url: `${portal.url}${page}`,
          connections: 32,
          ...loadTiming(options),
          warmupSeconds: 0,
          amount: signedIn.warmUp.length,
          headers: REQUEST_HEADERS,
          cookies: signedIn.warmUp,
        });
        let cpuBefore = 0;
        const figures = await measureLoad({
          url: `${portal.url}${page}`,
          connections: 32,
          ...loadTiming(options),
          warmupSeconds: 0,
          amount: cookies.length,
          headers: REQUEST_HEADERS,
          cookies,
          afterWarmup: () => (cpuBefore = portal.cpuMs()),
        });
        portalFigures.set('/account (first view) 32', {
          ...figures,
          cpuMsPerRequest: (portal.cpuMs() - cpuBefore) / Math.max(figures.requests, 1),
        });
      }
      for (const connections of options.connections) {
        log(`portal ${page} at ${connections} connections, ${processes} process${processes === 1 ? '' : 'es'}`);
        let cpuBefore = 0;
        const figures = await measureLoad({
          url: `${portal.url}${page}`,
          connections,
          ...loadTiming(options),
          headers: REQUEST_HEADERS,
          cookies: page === '/account' ? cookies : undefined,
          afterWarmup: () => (cpuBefore = portal.cpuMs()),
        });
        const cpuMsPerRequest = (portal.cpuMs() - cpuBefore) / Math.max(figures.requests, 1);
        portalFigures.set(`${page} ${connections}`, { ...figures, cpuMsPerRequest });
      }
    }
  } finally {
    portalPeakRssMb = portal.peakRssMb();
    await portal.stop();
  }

  const rows: PageLoadRow[] = [];
  for (const page of PAGES) {
    log(`bare server (${processes} process${processes === 1 ? '' : 'es'}) with the bytes of ${page}`);
    const bare = await loadBare(captured.get(page)!, options, processes);
    const firstView = page === '/account' ? portalFigures.get('/account (first view) 32') : undefined;
    if (firstView && bare.has(32)) {
      const { cpuMsPerRequest, ...portalRun } = firstView;
      const bareRun = bare.get(32)!;
      rows.push({
        engine,
        page: '/account (first view)',
        processes,
        connections: 32,
        portal: portalRun,
        portalCpuMsPerRequest: cpuMsPerRequest,
        bare: bareRun,
        ratio: portalRun.requestsPerSecond / bareRun.requestsPerSecond,
      });
    }
    for (const connections of options.connections) {
      const { cpuMsPerRequest, ...portalRun } = portalFigures.get(`${page} ${connections}`)!;
      const bareRun = bare.get(connections)!;
      const ratio = portalRun.requestsPerSecond / bareRun.requestsPerSecond;
      rows.push({ engine, page, processes, connections, portal: portalRun, portalCpuMsPerRequest: cpuMsPerRequest, bare: bareRun, ratio });
    }
  }

  return { rows, portalPeakRssMb, captured };
}

export function pagesBenchTable(result: PagesBenchResult): string {
  const n = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const figures = (run: LoadFigures) =>
    `${n(run.requestsPerSecond)} req/s, p50 ${n(run.latencyP50Ms)} ms, p99 ${n(run.latencyP99Ms)} ms, ${run.errors} errors, ${run.non2xx} non-2xx`;
  return [
    `Pages: ${n(result.accounts)} accounts, ${result.sessions} signed-in customers, ${result.durationSeconds} s per run after ${result.warmupSeconds} s warm-up, Accept-Encoding: gzip; portal peak RSS ${Object.entries(
      result.portalPeakRssMbByProcesses,
    )
      .map(([processes, mb]) => `${n(mb)} MB at ${processes} process${processes === '1' ? '' : 'es'}`)
      .join(', ')}`,
    '',
    '| engine | page | processes | connections | portal | portal CPU ms/request | bare node:http, same bytes, same processes | ratio |',
    '|---|---|---:|---:|---|---:|---|---:|',
    ...result.rows.map(
      (row) =>
        `| ${row.engine} | ${row.page} | ${row.processes} | ${row.connections} | ${figures(row.portal)} | ${n(row.portalCpuMsPerRequest, 2)} | ${figures(row.bare)} | ${n(row.ratio, 3)} |`,
    ),
  ].join('\n');
}
