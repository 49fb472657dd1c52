// `npm run bench`: every benchmark, each in its own process next to its bare baseline, then ONE Markdown table
// (also bench-results/bench.json) with the machine's cores and Node version. The sub-benches' own tables go to stderr.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { JourneyBenchResult, JourneyRow } from './bench/journey';
import { JOURNEY_STEPS } from './bench/journey-steps';
import type { NoticesBenchResult } from './bench/notices';
import type { PagesBenchResult } from './bench/pages';
import type { PostgresImportBenchResult } from './bench/pg-import-bench';
import type { PinBenchResult } from './bench/pin';
import type { SignInBenchResult } from './bench/sign-in';
import type { ImportBenchResult } from './bench-import';

interface Row {
  benchmark: string;
  figure: string;
  portal: string;
  bare: string;
  ratio: string;
}

interface Step<T> {
  name: string;
  script: string;
  json: string;
  rows: (result: T) => Row[];
}

// The journey's steps answered by the portal (the driver reads the code from the outbox itself).
const PORTAL_STEPS = JOURNEY_STEPS.filter((step) => step !== 'read code (outbox)');

const n = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const importStep: Step<ImportBenchResult> = {
  name: 'import',
  script: 'scripts/bench-import.ts',
  json: 'bench-results/import.json',
  rows: (r) => [
    {
      benchmark: 'import',
      figure: `accounts rows/s (${n(r.accounts)} accounts)`,
      portal: n(r.importRowsPerSecond),
      bare: `${n(r.bareRowsPerSecond)} (prepared-insert loop)`,
      ratio: n(r.ratio, 2),
    },
    {
      benchmark: 'import',
      figure: `seconds, accounts + ${n(r.exposures)} exposures`,
      portal: n(r.importSeconds.total, 1),
      bare: '',
      ratio: '',
    },
    { benchmark: 'import', figure: 'peak RSS (MB)', portal: n(r.peakRssMb), bare: '', ratio: '' },
    { benchmark: 'import', figure: 'concurrent writer max wait (ms)', portal: n(r.writer.maxMs), bare: '', ratio: '' },
    ...(r.postgres ? postgresImportRows(r.postgres, r.accounts) : []),
  ],
};

function postgresImportRows(pg: PostgresImportBenchResult, accounts: number): Row[] {
  const benchmark = 'import, PostgreSQL';
  return [
    {
      benchmark,
      figure: `accounts rows/s (${n(accounts)} accounts)`,
      portal: n(pg.importRowsPerSecond),
      bare: `${n(pg.bareCopy.rowsPerSecond)} (bare COPY, accounts + lines + directory)`,
      ratio: n(pg.ratio, 2),
    },
    { benchmark, figure: 'seconds, accounts', portal: n(pg.importSeconds.accounts, 1), bare: n(pg.bareCopy.seconds, 1), ratio: '' },
    { benchmark, figure: 'seconds, accounts + exposures', portal: n(pg.importSeconds.total, 1), bare: '', ratio: '' },
    { benchmark, figure: 'importer peak RSS (MB)', portal: n(pg.peakRssMb), bare: '', ratio: '' },
    { benchmark, figure: 'concurrent writer max wait (ms)', portal: n(pg.writer.maxMs), bare: '', ratio: '' },
  ];
}

const pinStep: Step<PinBenchResult> = {
  name: 'pin',
  script: 'scripts/bench-pin.ts',
  json: 'bench-results/pin.json',
  rows: (r) => [
    {
      benchmark: 'PIN hashing',
      figure: 'ms per hash (Argon2id 19 MiB t=2 p=1)',
      portal: n(r.hashMsMean, 1),
      bare: `${n(r.bareHashMsMean, 1)} (bare Argon2id)`,
      ratio: n(r.hashRatio, 2),
    },
    {
      benchmark: 'PIN hashing',
      figure: `event-loop delay p99 (ms), ${r.concurrentChanges} PIN changes at once`,
      portal: n(r.loopDelayP99DuringMs, 1),
      bare: `${n(r.loopDelayP99IdleMs, 1)} (idle)`,
      ratio: '',
    },
  ],
};

const signInStep: Step<SignInBenchResult> = {
  name: 'sign-in',
  script: 'scripts/bench-sign-in.ts',
  json: 'bench-results/sign-in.json',
  rows: (r) => [
    {
      benchmark: 'passkey sign-in',
      figure: 'verifications/s (ES256, one at a time)',
      portal: n(r.portalPerSecond),
      bare: `${n(r.barePerSecond)} (verifyAuthenticationResponse)`,
      ratio: n(r.ratio, 2),
    },
    {
      benchmark: 'passkey sign-in',
      figure: 'event-loop delay p99 (ms) while verifying',
      portal: n(r.loopDelayP99DuringMs, 1),
      bare: '',
      ratio: '',
    },
  ],
};

const pagesStep: Step<PagesBenchResult> = {
  name: 'pages',
  script: 'scripts/bench-pages.ts',
  json: 'bench-results/pages.json',
  rows: (r) => [
    ...r.rows.flatMap((row) => {
      const name = `pages ${row.page}, ${row.engine ?? 'SQLite'}${row.processes > 1 ? `, WEB_CONCURRENCY=${row.processes}` : ''}`;
      return [
        {
          benchmark: name,
          figure: `req/s at ${row.connections} connections`,
          portal: n(row.portal.requestsPerSecond),
          bare: n(row.bare.requestsPerSecond),
          ratio: n(row.ratio, 3),
        },
        {
          benchmark: name,
          figure: `p50 / p99 ms at ${row.connections}; errors + non-2xx`,
          portal: `${n(row.portal.latencyP50Ms)} / ${n(row.portal.latencyP99Ms)}; ${row.portal.errors + row.portal.non2xx}`,
          bare: `${n(row.bare.latencyP50Ms)} / ${n(row.bare.latencyP99Ms)}; ${row.bare.errors + row.bare.non2xx}`,
          ratio: '',
        },
        {
          benchmark: name,
          figure: `portal CPU ms per request at ${row.connections}`,
          portal: n(row.portalCpuMsPerRequest, 2),
          bare: '',
          ratio: '',
        },
      ];
    }),
    ...Object.entries(r.portalPeakRssMbByProcesses ?? { 1: r.portalPeakRssMb }).map(([processes, mb]) => ({
      benchmark: 'pages, SQLite',
      figure: `portal peak RSS (MB, VmHWM) at ${processes} process${processes === '1' ? '' : 'es'}`,
      portal: n(mb),
      bare: '',
      ratio: '',
    })),
  ],
};

const noticesStep: Step<NoticesBenchResult> = {
  name: 'notices',
  script: 'scripts/bench-notices.ts',
  json: 'bench-results/notices.json',
  rows: (r) => {
    const name = `incident notices, ${n(r.affectedAccounts)} accounts (${r.preparation.incidentId})`;
    const floorSeconds = r.affectedAccounts / r.budgetPerSecond;
    return [
      {
        benchmark: name,
        figure: `seconds from start to done (NOTICE_RATE_PER_MINUTE=${r.noticeRatePerMinute})`,
        portal: n(r.sendingSeconds, 1),
        bare: `${n(floorSeconds, 1)} (the throttle's floor)`,
        ratio: n(r.sendingSeconds / floorSeconds, 2),
      },
      {
        benchmark: name,
        figure: 'notices per second',
        portal: n(r.noticesPerSecond),
        bare: `${n(r.budgetPerSecond)} (the throttle's ceiling)`,
        ratio: n(r.noticesPerSecond / r.budgetPerSecond, 2),
      },
      { benchmark: name, figure: 'portal peak RSS (MB, VmHWM)', portal: n(r.portalPeakRssMb), bare: '', ratio: '' },
      {
        benchmark: name,
        figure: `/account p99 ms at ${r.connections} while sending (target < 2× without)`,
        portal: n(r.during.latencyP99Ms),
        bare: `${n(r.without.latencyP99Ms)} (without sending)`,
        ratio: n(r.p99Ratio, 2),
      },
      {
        benchmark: name,
        figure: `/account req/s at ${r.connections} while sending`,
        portal: n(r.during.requestsPerSecond),
        bare: `${n(r.without.requestsPerSecond)} (without sending)`,
        ratio: n(r.during.requestsPerSecond / r.without.requestsPerSecond, 2),
      },
      {
        benchmark: name,
        figure: 'longest time without an answer to /account, ms',
        portal: n(r.during.longestSilenceMs),
        bare: `${n(r.without.longestSilenceMs)} (without sending)`,
        ratio: '',
      },
    ];
  },
};

const journeyStep: Step<JourneyBenchResult> = {
  name: 'journey',
  script: 'scripts/bench-journey.ts',
  json: 'bench-results/journey.json',
  rows: (r) => {
    const p = r.primitives.used;
    const per = r.perJourney;
    const runName = (row: JourneyRow) => `journeys, ${row.engine}${row.processes > 1 ? `, WEB_CONCURRENCY=${row.processes}` : ''}`;
    const target = r.targets['journeys/s share of the floor, SQLite, 2 processes'];
    return [
      {
        benchmark: 'journeys, primitives',
        figure: `ms: Argon2id hash / verification; ES256 verification (per journey: ${per.argon2Hashes} hash + ${per.argon2Verifications} verifications, ${per.es256Verifications} ES256, ${per.renders.length} renders)`,
        portal: `${n(p.argon2HashMs, 1)} / ${n(p.argon2VerifyMs, 1)}; ${n(p.es256VerifyMs, 2)}`,
        bare: '',
        ratio: '',
      },
      ...r.rows.flatMap((row) => [
        {
          benchmark: runName(row),
          figure: `journeys/s, ${row.concurrency} customers at once; errors`,
          portal: `${n(row.journeysPerSecond, 1)}; ${row.errors}`,
          bare: `${n(row.floorJourneysPerSecond, 1)} (the primitives' floor)`,
          ratio: n(row.shareOfFloor, 2),
        },
        {
          benchmark: runName(row),
          figure: 'p50 / p99 ms: whole journey',
          portal: `${n(row.driver.steps['whole journey'].p50Ms)} / ${n(row.driver.steps['whole journey'].p99Ms)}`,
          bare: '',
          ratio: '',
        },
        {
          benchmark: runName(row),
          figure: 'p50 / p99 ms: code, verify, passkey options, passkey, /account, PIN, lock',
          portal: PORTAL_STEPS.map((step) => `${n(row.driver.steps[step].p50Ms)}/${n(row.driver.steps[step].p99Ms)}`).join(', '),
          bare: '',
          ratio: '',
        },
        {
          benchmark: runName(row),
          figure: 'portal CPU ms per journey (bare: the primitives in it)',
          portal: n(row.cpuMsPerJourney.portal, 1),
          bare: n(row.primitiveMsPerJourney, 1),
          ratio: n(row.primitiveMsPerJourney / row.cpuMsPerJourney.portal, 2),
        },
      ]),
      ...(target
        ? [
            {
              benchmark: 'journeys, target',
              figure: 'journeys/s ≥ 0.6 of the floor, SQLite, WEB_CONCURRENCY=2',
              portal: n(target.value, 2),
              bare: '0.6',
              ratio: target.met ? 'met' : 'not met',
            },
          ]
        : []),
    ];
  },
};

function runStep<T>(step: Step<T>): { result: T; seconds: number } | { error: string; seconds: number } {
  const started = performance.now();
  rmSync(step.json, { force: true });
  if (!existsSync(step.script)) return { error: `${step.script} not found`, seconds: 0 };
  console.error(`\n== bench: ${step.name} ==`);
  // The sub-bench's own table goes to stderr, so stdout carries only the combined table.
  const child = spawnSync(path.resolve('node_modules/.bin/tsx'), [step.script], { stdio: ['ignore', 2, 2] });
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0 || !existsSync(step.json)) return { error: `${step.script} exited with ${child.status}`, seconds };
  return { result: JSON.parse(readFileSync(step.json, 'utf8')) as T, seconds };
}

const startedAt = new Date();
const started = performance.now();
const machine = {
  cores: os.availableParallelism(),
  cpu: os.cpus()[0]?.model ?? 'unknown',
  memoryGb: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  loadAverageAtStart: os.loadavg().map((load) => load.toFixed(2)),
};
const steps = [importStep, pinStep, signInStep, pagesStep, noticesStep, journeyStep] as Step<unknown>[];
const rows: Row[] = [];
const results: Record<string, unknown> = {};
const stepSeconds: Record<string, number> = {};
for (const step of steps) {
  const outcome = runStep(step);
  stepSeconds[step.name] = outcome.seconds;
  if ('error' in outcome) {
    rows.push({ benchmark: step.name, figure: 'FAILED', portal: outcome.error, bare: '', ratio: '' });
    results[step.name] = { error: outcome.error };
  } else {
    rows.push(...step.rows(outcome.result));
    results[step.name] = outcome.result;
  }
}
const seconds = (performance.now() - started) / 1000;
const loadAverageAtEnd = os.loadavg().map((load) => load.toFixed(2));

const table = [
  `Benchmarks on ${machine.cores} cores (${machine.cpu}), ${machine.memoryGb} GB, Node ${machine.node}; ${startedAt.toISOString()}, ${n(seconds)} s in all; load average ${machine.loadAverageAtStart.join(' ')} at start, ${loadAverageAtEnd.join(' ')} at end. Ratio = portal ÷ bare.`,
  '',
  '| benchmark | figure | portal | bare baseline | ratio |',
  '|---|---|---:|---:|---:|',
  ...rows.map((row) => `| ${row.benchmark} | ${row.figure} | ${row.portal} | ${row.bare} | ${row.ratio} |`),
].join('\n');
console.log(table);
mkdirSync('bench-results', { recursive: true });
writeFileSync(
  'bench-results/bench.json',
  `${JSON.stringify({ machine, startedAt: startedAt.toISOString(), seconds, stepSeconds, loadAverageAtEnd, rows, table, results }, null, 2)}\n`,
);
console.error(`\nJSON: ${path.resolve('bench-results/bench.json')}`);
