// Incident notices under load (issue 16): the real portal (one process, production settings) queues the notices of
// exactly 62,000 affected accounts of the 2.3 million while signed-in customers load /account at 32 connections;
// /account's p99 while it sends beside its p99 just before. On a copy of the pages bench's SQLite database, so the
// campaign's rows (notices, outbox messages) never reach the pages bench.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { buildIfStale } from './build-if-stale';
import { topSelfTime, type SelfTime } from './cpu-profile';
import { measureStallAware, type StallAwareFigures } from './notices-load';
import { ensureBenchDatabase } from './pages-db';
import { portalEnv, randomSecret, startPortal, type PortalSettings } from './portal-process';

export interface NoticesPreparation {
  /** Affected accounts (exposures rows) of each incident in the pages database. */
  countsBefore: Record<string, number>;
  incidentId: string;
  action: 'none' | 'deleted' | 'inserted';
  rows: number;
  description: string;
}

export interface SendingProgress {
  status: string;
  total: number | null;
  accounts: number;
  messages: { pending: number; sent: number; failed: number };
}

export interface NoticesBenchResult {
  accounts: number;
  sessions: number;
  affectedAccounts: number;
  preparation: NoticesPreparation;
  noticeRatePerMinute: number;
  /** The throttle's ceiling at that rate, ceil(rate / 60) notices a second shared by every process. */
  budgetPerSecond: number;
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  /** From the campaign's start (startSending's time, the row's started_at) to the status 'done', polled every 100 ms. */
  sendingSeconds: number;
  /** From the start to the first notice queued: the portal's loop picks a campaign up at its next pass. */
  firstNoticeSeconds: number;
  noticesPerSecond: number;
  /** The portal's CPU time (user + system) from the start to done. */
  portalCpuSecondsSending: number;
  /** VmHWM after the baseline run, and at the end (sending and delivery included). */
  portalPeakRssMbBefore: number;
  portalPeakRssMb: number;
  /** /account without sending and while sending, the requests in flight at a run's end waited for (notices-load.ts). */
  without: StallAwareFigures;
  during: StallAwareFigures;
  /** Seconds of the `during` run in which notices were being queued (the rest, if any, is after done). */
  duringOverlapSeconds: number;
  p99Ratio: number;
  /** sendingProgress read in a child process started when the watcher saw 'done' (so a second or so after). */
  progressAtDone: SendingProgress;
  /** The outbox delivery (NOTIFY_TRANSPORT=log) after done: when the incident's pending messages reached 0, if they did. */
  delivery: { drainedSeconds: number | null; waitedSeconds: number; progress: SendingProgress };
  /** Accounts noticed, sampled about every second from the start. */
  timeline: Array<{ seconds: number; accounts: number }>;
  /** The machine's load average (1, 5, 15 min) before the baseline and after the run while sending: others' work shows. */
  loadAverage: { before: number[]; after: number[] };
  profile: SelfTime[] | null;
  targets: Record<string, { value: number; target: string; met: boolean }>;
}

export interface NoticesBenchOptions {
  accounts?: number;
  seed?: number;
  affected?: number;
  sessions?: number;
  connections?: number;
  durationSeconds?: number;
  warmupSeconds?: number;
  noticeRatePerMinute?: number;
  /** Give up waiting for 'done' after this long. */
  timeoutSeconds?: number;
  /** How long to wait after done for the outbox to deliver the incident's messages (0: not at all). */
  drainSeconds?: number;
  cpuProfile?: boolean;
}

const RESULTS_DIR = path.resolve('bench-results');
const TSX = path.resolve('node_modules/.bin/tsx');
const REQUEST_HEADERS = { accept: 'text/html', 'accept-encoding': 'gzip' };

function log(message: string): void {
  console.error(`[bench:notices] ${message}`);
}

const n = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** A fresh copy of the pages database (its -wal too, so the copy is the same database), in a scratch folder. */
function copyDatabase(source: string, dataDir: string): string {
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const target = path.join(dataDir, 'portal.db');
  copyFileSync(source, target);
  if (existsSync(`${source}-wal`)) copyFileSync(`${source}-wal`, `${target}-wal`);
  return target;
}

/**
 * Makes the copy's incident have exactly `affected` accounts: the incident with the fewest at or above it loses the
 * rows beyond its first `affected` accounts; when none has as many, the largest gains rows for accounts spread evenly
 * over the table (with that incident's most common set of fields).
 */
function prepareIncident(databasePath: string, affected: number): NoticesPreparation {
  const db = new Database(databasePath);
  try {
    db.pragma('journal_mode = WAL');
    const counts = db.prepare('SELECT incident_id AS id, count(*) AS n FROM exposures GROUP BY incident_id').all() as Array<{
      id: string;
      n: number;
    }>;
    const countsBefore = Object.fromEntries(counts.map((row) => [row.id, row.n]));
    const above = counts.filter((row) => row.n >= affected).sort((a, b) => a.n - b.n)[0];
    if (above) {
      if (above.n === affected)
        return { countsBefore, incidentId: above.id, action: 'none', rows: 0, description: `${above.id} has ${n(affected)} already` };
      const last = db
        .prepare('SELECT account_id AS id FROM exposures WHERE incident_id = ? ORDER BY account_id LIMIT 1 OFFSET ?')
        .get(above.id, affected - 1) as { id: number };
      const deleted = db.prepare('DELETE FROM exposures WHERE incident_id = ? AND account_id > ?').run(above.id, last.id).changes;
      return {
        countsBefore,
        incidentId: above.id,
        action: 'deleted',
        rows: deleted,
        description: `${above.id} had ${n(above.n)}, the fewest at or above ${n(affected)}: deleted the ${n(deleted)} exposures rows beyond its first ${n(affected)} accounts (in the copy only)`,
      };
    }
    const largest = [...counts].sort((a, b) => b.n - a.n)[0];
    if (!largest) throw new Error('the pages database has no exposures');
    const need = affected - largest.n;
    const fields = (
      db.prepare('SELECT fields FROM exposures WHERE incident_id = ? GROUP BY fields ORDER BY count(*) DESC LIMIT 1').get(largest.id) as {
        fields: string;
      }
    ).fields;
    const { maxId } = db.prepare('SELECT max(id) AS maxId FROM accounts').get() as { maxId: number };
    const nextUnexposed = db.prepare(
      `SELECT id FROM accounts a WHERE id >= ? AND NOT EXISTS
         (SELECT 1 FROM exposures e WHERE e.account_id = a.id AND e.incident_id = ?) ORDER BY id LIMIT 1`,
    );
    const insert = db.prepare('INSERT INTO exposures (account_id, incident_id, fields) VALUES (?, ?, ?)');
    let inserted = 0;
    db.transaction(() => {
      let floor = 0;
      for (let index = 0; index < need; index++) {
        const at = Math.max(floor, Math.floor(((index + 0.5) * maxId) / need));
        const row = nextUnexposed.get(at, largest.id) as { id: number } | undefined;
        if (!row) throw new Error(`no account left without an exposure to ${largest.id}`);
        insert.run(row.id, largest.id, fields);
        floor = row.id + 1;
        inserted += 1;
      }
    })();
    return {
      countsBefore,
      incidentId: largest.id,
      action: 'inserted',
      rows: inserted,
      description: `no incident has ${n(affected)} affected accounts; ${largest.id}, the largest, had ${n(largest.n)}: inserted ${n(inserted)} exposures rows (fields "${fields}", its most common set) for accounts spread evenly over the table that had none for it (in the copy only)`,
    };
  } finally {
    db.close();
  }
}

function createSessions(settings: PortalSettings, count: number): string[] {
  const result = spawnSync(TSX, ['scripts/bench/pages-sessions.ts', String(count)], {
    env: portalEnv(settings),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`pages-sessions exited with ${result.status}`);
  return JSON.parse(result.stdout) as string[];
}

/** A child script with the server's environment; resolves with its stdout. */
async function runChild(settings: PortalSettings, script: string, args: string[]): Promise<string> {
  const child = spawn(TSX, [script, ...args], { env: portalEnv(settings), stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => (stdout += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`${script} exited with ${code}`);
  return stdout;
}

function statusOf(url: string, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers: { ...REQUEST_HEADERS, cookie } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    })
      .on('error', reject)
      .end();
  });
}

function mainThreadProfile(dir: string): string | null {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => path.join(dir, name));
  return files.sort((a, b) => statSync(b).size - statSync(a).size)[0] ?? null;
}

export async function runNoticesBench(input: NoticesBenchOptions = {}): Promise<NoticesBenchResult> {
  const options: Required<NoticesBenchOptions> = {
    accounts: Number(process.env.BENCH_ACCOUNTS ?? 2_300_000),
    seed: 2018,
    affected: Number(process.env.BENCH_NOTICES_AFFECTED ?? 62_000),
    sessions: 2000,
    connections: 32,
    durationSeconds: Number(process.env.BENCH_NOTICES_SECONDS ?? 10),
    warmupSeconds: 3,
    noticeRatePerMinute: Number(process.env.BENCH_NOTICE_RATE_PER_MINUTE ?? 100_000),
    timeoutSeconds: 1800,
    drainSeconds: Number(process.env.BENCH_NOTICES_DRAIN_SECONDS ?? 300),
    cpuProfile: process.env.BENCH_CPU_PROF === '1',
    ...input,
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  buildIfStale(log);
  const pages = ensureBenchDatabase(options.accounts, options.seed, log);
  log(pages.reused ? `reusing ${pages.databasePath}` : `pages database ready in ${pages.prepareSeconds.toFixed(0)} s`);

  const dataDir = path.join(RESULTS_DIR, 'notices-db', `seed-${options.seed}-accounts-${options.accounts}`);
  const copyStarted = performance.now();
  const databasePath = copyDatabase(pages.databasePath, dataDir);
  log(`copied the pages database to ${databasePath} in ${((performance.now() - copyStarted) / 1000).toFixed(1)} s`);
  const preparation = prepareIncident(databasePath, options.affected);
  log(preparation.description);
  const incidentId = preparation.incidentId;

  // The portal and every child read these through portalEnv (which copies this process's environment).
  process.env.NOTICE_RATE_PER_MINUTE = String(options.noticeRatePerMinute);
  process.env.NOTIFY_TRANSPORT = 'log';
  const budgetPerSecond = Math.ceil(options.noticeRatePerMinute / 60);
  log(
    `NOTICE_RATE_PER_MINUTE=${options.noticeRatePerMinute} (the most the configuration allows, so throttling does not dominate; still a ceiling of ${n(budgetPerSecond)} notices/s, ${n(options.affected / budgetPerSecond, 1)} s for ${n(options.affected)})`,
  );
  const cpuProfileDir = options.cpuProfile ? path.join(RESULTS_DIR, 'notices-profile') : undefined;
  if (cpuProfileDir) rmSync(cpuProfileDir, { recursive: true, force: true });
  const settings: PortalSettings = {
    dataDir,
    databasePath,
    sessionSecret: randomSecret(),
    pinPepper: randomSecret(),
    auditKey: randomSecret(),
    outboxKey: randomSecret(),
    logFile: path.join(RESULTS_DIR, 'notices-server.log'),
    cpuProfileDir,
  };
  // The portal migrates the copy as it starts (the notices tables), before the sessions are made.
  const portal = await startPortal(settings);
  log(`portal (pid ${portal.pid}, 1 process) on ${portal.url}`);
  const poll = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    log(`signing in ${options.sessions} customers through the session service`);
    const cookies = createSessions(settings, options.sessions);
    const url = `${portal.url}/account`;
    const status = await statusOf(url, cookies[0]!);
    if (status !== 200) throw new Error(`/account answered ${status}, expected 200`);
    const load = (warmupSeconds: number) =>
      measureStallAware({
        url,
        connections: options.connections,
        durationSeconds: options.durationSeconds,
        warmupSeconds,
        headers: REQUEST_HEADERS,
        cookies,
        maxWaitSeconds: options.timeoutSeconds,
      });

    const loadBefore = os.loadavg();
    log(`/account at ${options.connections} connections without sending: ${options.warmupSeconds} s warm-up, ${options.durationSeconds} s`);
    const without = await load(options.warmupSeconds);
    const portalPeakRssMbBefore = portal.peakRssMb();
    log(`  ${n(without.requestsPerSecond)} req/s, p99 ${n(without.latencyP99Ms)} ms; peak RSS ${n(portalPeakRssMbBefore)} MB`);

    const campaignRow = poll.prepare('SELECT status, started_at AS startedAt FROM notice_campaigns WHERE incident_id = ?');
    // The copy has no other notices and none is ever deleted, so the last rowid counts them: a lookup, not a scan that
    // would hold up this process's load generator (and its latencies) while it measures.
    const noticed = poll.prepare('SELECT coalesce(max(rowid), 0) AS n FROM incident_notices');
    const pending = poll.prepare("SELECT count(*) AS n FROM outbox WHERE incident_id = ? AND status = 'pending'");
    const campaign = () => campaignRow.get(incidentId) as { status: string; startedAt: number } | undefined;
    const accountsNoticed = () => (noticed.get() as { n: number }).n;
    if (campaign()) throw new Error(`the copy already has a campaign for ${incidentId}`);

    log(`starting the notices of ${incidentId} (startSending in a child process)`);
    const cpuBefore = portal.cpuMs();
    const started = JSON.parse(await runChild(settings, 'scripts/bench/notices-start.ts', [incidentId])) as {
      answer: string;
      returnedAt: number;
    };
    if (started.answer !== 'started') throw new Error(`startSending answered ${started.answer}`);
    const startedAt = campaign()!.startedAt;
    const since = () => (Date.now() - startedAt) / 1000;

    // Watch the campaign while the load runs: 'done' to the 100 ms, the accounts noticed about every second.
    const timeline: NoticesBenchResult['timeline'] = [];
    const watching = (async () => {
      const deadline = startedAt + options.timeoutSeconds * 1000;
      let firstNoticeAt: number | null = null;
      let nextSample = 0;
      while (Date.now() < deadline) {
        const now = Date.now();
        if (campaign()?.status === 'done') {
          const cpuAtDone = portal.cpuMs();
          timeline.push({ seconds: since(), accounts: accountsNoticed() });
          log(`done ${n((now - startedAt) / 1000, 1)} s after the start`);
          // In another process, so it reads at once whatever the portal and the load are doing.
          const progress = JSON.parse(await runChild(settings, 'scripts/bench/notices-progress.ts', [incidentId])) as SendingProgress;
          return { doneAt: now, firstNoticeAt: firstNoticeAt ?? now, cpuAtDone, progress };
        }
        if (now >= nextSample) {
          const accounts = accountsNoticed();
          if (accounts > 0) firstNoticeAt ??= now;
          timeline.push({ seconds: since(), accounts });
          if (timeline.length % 5 === 0) log(`  ${since().toFixed(0)} s: ${n(accounts)} of ${n(options.affected)} accounts noticed`);
          nextSample = now + 1000;
        }
        await sleep(100);
      }
      return null;
    })();

    log(
      `/account at ${options.connections} connections while sending: ${options.durationSeconds} s from ${since().toFixed(1)} s after the start`,
    );
    const duringFrom = since();
    const during = await load(0);
    const duringTo = duringFrom + options.durationSeconds;
    const loadAfter = os.loadavg();
    log(
      `  ${n(during.requestsPerSecond)} req/s, p99 ${n(during.latencyP99Ms)} ms, no answer for ${n(during.longestSilenceMs / 1000, 1)} s at most; the last at ${n(during.lastAnswerSeconds, 1)} s`,
    );
    const watched = await watching;
    if (!watched) throw new Error(`the campaign was not done within ${options.timeoutSeconds} s`);
    const sendingSeconds = (watched.doneAt - startedAt) / 1000;
    const firstNoticeSeconds = (watched.firstNoticeAt - startedAt) / 1000;
    const portalCpuSecondsSending = (watched.cpuAtDone - cpuBefore) / 1000;
    const progressAtDone = watched.progress;

    let drainedSeconds: number | null = null;
    const drainStarted = Date.now();
    if (options.drainSeconds > 0) {
      log(`waiting up to ${options.drainSeconds} s for the outbox to deliver the incident's messages`);
      while (Date.now() - drainStarted < options.drainSeconds * 1000) {
        if ((pending.get(incidentId) as { n: number }).n === 0) {
          drainedSeconds = since();
          break;
        }
        await sleep(500);
      }
    }
    const waitedSeconds = (Date.now() - drainStarted) / 1000;
    const progressAtEnd = JSON.parse(await runChild(settings, 'scripts/bench/notices-progress.ts', [incidentId])) as SendingProgress;
    const portalPeakRssMb = portal.peakRssMb();

    const duringOverlapSeconds = Math.max(0, Math.min(duringTo, sendingSeconds) - Math.max(duringFrom, firstNoticeSeconds));
    const p99Ratio = during.latencyP99Ms / without.latencyP99Ms;
    const failures = [during, without].reduce((sum, run) => sum + run.errors + run.non2xx + run.unanswered, 0);
    const targets: NoticesBenchResult['targets'] = {
      '/account p99 while sending / without': { value: p99Ratio, target: '< 2', met: p99Ratio < 2 },
      '/account errors + non-2xx + unanswered': { value: failures, target: '0', met: failures === 0 },
      'accounts noticed / affected': {
        value: progressAtDone.accounts / options.affected,
        target: '1',
        met: progressAtDone.accounts === options.affected,
      },
    };
    return {
      accounts: options.accounts,
      sessions: cookies.length,
      affectedAccounts: options.affected,
      preparation,
      noticeRatePerMinute: options.noticeRatePerMinute,
      budgetPerSecond,
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      warmupSeconds: options.warmupSeconds,
      sendingSeconds,
      firstNoticeSeconds,
      noticesPerSecond: progressAtDone.accounts / sendingSeconds,
      portalCpuSecondsSending,
      portalPeakRssMbBefore,
      portalPeakRssMb,
      without,
      during,
      duringOverlapSeconds,
      p99Ratio,
      progressAtDone,
      delivery: { drainedSeconds, waitedSeconds, progress: progressAtEnd },
      timeline,
      loadAverage: { before: loadBefore, after: loadAfter },
      profile: null,
      targets,
    };
  } finally {
    poll.close();
    await portal.stop();
  }
}

/** The portal's CPU profile (BENCH_CPU_PROF=1), once the portal has stopped and written it. */
export function noticesProfile(limit = 25): SelfTime[] | null {
  const dir = path.join(RESULTS_DIR, 'notices-profile');
  const file = existsSync(dir) ? mainThreadProfile(dir) : null;
  return file ? topSelfTime(file, limit) : null;
}

export function noticesBenchTable(result: NoticesBenchResult): string {
  const run = (figures: StallAwareFigures) =>
    `${n(figures.requestsPerSecond)} req/s, p50 ${n(figures.latencyP50Ms)} ms, p99 ${n(figures.latencyP99Ms)} ms, max ${n(figures.latencyMaxMs)} ms; ${n(figures.requests)} requests, ${figures.answeredAfterRun} answered after the run's ${result.durationSeconds} s, ${figures.unanswered} never; longest without an answer ${n(figures.longestSilenceMs)} ms; ${figures.errors} errors, ${figures.non2xx} non-2xx`;
  const { progressAtDone: done, delivery } = result;
  return [
    `Incident notices: ${n(result.affectedAccounts)} affected accounts (${n((100 * result.affectedAccounts) / result.accounts, 1)} % of ${n(result.accounts)}), incident ${result.preparation.incidentId}; ${result.preparation.description}.`,
    `NOTICE_RATE_PER_MINUTE=${result.noticeRatePerMinute} (the maximum; a ceiling of ${n(result.budgetPerSecond)} notices/s), NOTIFY_TRANSPORT=log; one portal process on SQLite; ${result.sessions} signed-in customers on /account at ${result.connections} connections, ${result.durationSeconds} s per run (the baseline after ${result.warmupSeconds} s warm-up; the run while sending from right after the start, ${n(result.duringOverlapSeconds, 1)} s of it while notices were being queued).`,
    '',
    '| figure | value |',
    '|---|---:|',
    `| seconds from start to done | ${n(result.sendingSeconds, 1)} (first notice at ${n(result.firstNoticeSeconds, 1)}) |`,
    `| notices per second | ${n(result.noticesPerSecond)} |`,
    `| portal CPU seconds, start to done | ${n(result.portalCpuSecondsSending, 1)} |`,
    `| portal peak RSS (MB, VmHWM): before sending / at the end | ${n(result.portalPeakRssMbBefore)} / ${n(result.portalPeakRssMb)} |`,
    `| /account without sending | ${run(result.without)} |`,
    `| /account while sending | ${run(result.during)} |`,
    `| p99 while sending / without | ${n(result.p99Ratio, 2)} (target < 2: ${result.p99Ratio < 2 ? 'met' : 'MISSED'}) |`,
    `| at done: accounts noticed / total; messages pending, sent, failed | ${n(done.accounts)} / ${n(done.total ?? 0)}; ${n(done.messages.pending)}, ${n(done.messages.sent)}, ${n(done.messages.failed)} |`,
    `| load average (1 min) before the baseline / after the run while sending | ${n(result.loadAverage.before[0]!, 2)} / ${n(result.loadAverage.after[0]!, 2)} |`,
    `| outbox delivered the incident's messages | ${delivery.drainedSeconds === null ? `not within ${n(delivery.waitedSeconds)} s of done (${n(delivery.progress.messages.pending)} pending)` : `${n(delivery.drainedSeconds, 1)} s after the start`}; ${n(delivery.progress.messages.sent)} sent, ${n(delivery.progress.messages.failed)} failed |`,
  ].join('\n');
}
