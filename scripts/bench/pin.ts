// PIN hashing benchmark: time per hash against bare Argon2id, and event-loop delay while 20 PIN changes run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { hash } from '@node-rs/argon2';

export interface PinBenchResult {
  hashMsMean: number;
  bareHashMsMean: number;
  hashRatio: number;
  loopDelayP99IdleMs: number;
  loopDelayP99DuringMs: number;
  loopDelayMaxDuringMs: number;
  concurrentChanges: number;
  concurrentWallMs: number;
}

const SAMPLES = 20;
const CONCURRENT = 20;

async function meanMs(samples: number, run: (index: number) => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (let index = 0; index < samples; index++) await run(index);
  return (performance.now() - started) / samples;
}

async function loopDelayP99(during: () => Promise<unknown>): Promise<{ p99: number; max: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  await during();
  histogram.disable();
  return { p99: histogram.percentile(99) / 1e6, max: histogram.max / 1e6 };
}

export async function runPinBench(): Promise<PinBenchResult> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-pin-'));
  process.env.DATA_DIR = dataDir;
  process.env.DATABASE_PATH = path.join(dataDir, 'bench.db');
  try {
    const { readyDatabaseFile } = await import('../../db/seed/seed');
    await readyDatabaseFile(process.env.DATABASE_PATH, { demoAccounts: true });

    const { hashPin } = await import('../../app/services/pin-hash.server');
    const { changePin } = await import('../../app/services/pin.server');
    const { getDb } = await import('../../app/models/db.server');
    const { accounts } = await import('../../db/tables');

    const options = { algorithm: 2, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;
    await hashPin('000000'); // warm-up
    const hashMsMean = await meanMs(SAMPLES, (index) => hashPin(String(580000 + index)));
    const bareHashMsMean = await meanMs(SAMPLES, (index) => hash(String(580000 + index), options));

    const ids = (await getDb().all((db) => db.select({ id: accounts.id }).from(accounts))).map((row) => row.id);
    const holder = (accountId: number) => ({ accountId, customerId: 0, role: 'holder' as const });
    const firstPin = (accountId: number) => String(861357 + accountId * 7).slice(0, 6);
    // Each account gets a PIN first (not timed), so the timed changes are holders changing it with the current PIN,
    // which is what a PIN change costs now: one Argon2 verification and one hash. This also warms the modules up.
    for (const id of ids) await changePin({ session: holder(id), pin: firstPin(id), confirmation: firstPin(id) });
    const idle = await loopDelayP99(() => new Promise((resolve) => setTimeout(resolve, 1000)));
    const started = performance.now();
    const during = await loopDelayP99(() =>
      Promise.all(
        Array.from({ length: CONCURRENT }, (_, index) => {
          const id = ids[index % ids.length]!;
          const pin = String(583920 + index * 7919).slice(0, 6);
          return changePin({ session: holder(id), currentPin: firstPin(id), pin, confirmation: pin });
        }),
      ),
    );
    const concurrentWallMs = performance.now() - started;
    return {
      hashMsMean,
      bareHashMsMean,
      hashRatio: hashMsMean / bareHashMsMean,
      loopDelayP99IdleMs: idle.p99,
      loopDelayP99DuringMs: during.p99,
      loopDelayMaxDuringMs: during.max,
      concurrentChanges: CONCURRENT,
      concurrentWallMs,
    };
  } finally {
    const { closeDb } = await import('../../app/models/db.server');
    await closeDb();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function pinBenchTable(result: PinBenchResult): string {
  const f = (value: number) => value.toFixed(1);
  return [
    '| PIN hashing | portal | bare baseline | ratio |',
    '|---|---|---|---|',
    `| time per hash (ms), Argon2id 19 MiB t=2 p=1 | ${f(result.hashMsMean)} (HMAC pepper + Argon2id) | ${f(result.bareHashMsMean)} (bare Argon2id) | ${result.hashRatio.toFixed(2)} |`,
    `| event-loop delay p99 (ms) | ${f(result.loopDelayP99DuringMs)} during ${result.concurrentChanges} concurrent PIN changes (max ${f(result.loopDelayMaxDuringMs)}) | ${f(result.loopDelayP99IdleMs)} idle | ${(result.loopDelayP99DuringMs / Math.max(result.loopDelayP99IdleMs, 0.001)).toFixed(2)} |`,
    `| ${result.concurrentChanges} PIN changes at once, wall time (ms) | ${f(result.concurrentWallMs)} | | |`,
  ].join('\n');
}
