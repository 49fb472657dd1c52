// Applies staged rows (rowids 1..last) in write transactions sized to take about TARGET_MS each, with a pause after
// each one long enough for a writer that waited through it to get in before the next: it waits at most about one
// chunk plus a retry interval. The pause starts with checkpointing the WAL (which takes no write lock), so the portal's
// commits never have to.
import { setTimeout as sleep } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import type { PhaseTimes } from './phase-times';

// 200 rather than 250 ms: on a loaded machine a chunk can take three times its estimate, and under 228 ms a waiting
// writer still retries at least every 50 ms (below).
const TARGET_MS = 200;
/**
 * SQLite's default busy handler (the portal's busy_timeout) sleeps 1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50 ms and then
 * 100 ms at a time: a writer that has waited w ms retries at least every 25 ms while w < 128, 50 ms while w < 228,
 * and 100 ms after. A writer waiting on this import began during the chunk (it got in during the last pause), so the
 * chunk's length bounds w; the pause is that interval and a margin for timers. (A flat 110 ms pause cost as much.)
 */
const pauseAfter = (chunkMs: number) => (chunkMs < 128 ? 25 : chunkMs < 228 ? 50 : 100) + 20;
const MIN_ROWS = 500;
const MAX_ROWS = 2_000_000;

/** How one pass is timed and started: see applyInChunks. */
export interface ChunkedPass {
  phases: PhaseTimes;
  /** Names this pass's phases ("accounts: pauses"). */
  name: string;
  /** A first chunk that takes well under the target even on a busy machine. */
  firstRows: number;
  /** Another pass follows, whose first chunk must not start before a waiting writer had its turn. */
  more?: boolean;
}

/** fixedRows (for tests) turns the sizing off. */
export async function applyInChunks(
  sqlite: Database.Database,
  last: number,
  fixedRows: number | undefined,
  applyChunk: (range: { low: number; high: number }) => void,
  onProgress: () => void,
  { phases, name: pass, firstRows, more = false }: ChunkedPass,
): Promise<void> {
  let rows = fixedRows ?? firstRows;
  for (let low = 0; low < last;) {
    const high = Math.min(low + rows, last);
    const started = performance.now();
    applyChunk({ low, high });
    const committed = performance.now();
    const took = committed - started;
    phases.add(`${pass}: write transactions`, took);
    phases.max(`${pass}: longest write transaction`, took);
    phases.count(`${pass}: write transactions`);
    onProgress();
    // Steer towards the target, growing by at most half at once so a slower stretch cannot overshoot far; a chunk far
    // under the target (the first ones) may grow fourfold, so a fast pass reaches its size in a few chunks.
    const factor = Math.min(took < TARGET_MS / 4 ? 4 : 1.5, TARGET_MS / Math.max(took, 1));
    if (fixedRows === undefined) rows = Math.round(Math.min(MAX_ROWS, Math.max(MIN_ROWS, rows * factor)));
    low = high;
    phases.time(`${pass}: checkpoints`, () => sqlite.pragma('wal_checkpoint(PASSIVE)'));
    if (low < last || more) {
      const pausing = performance.now();
      await sleep(Math.max(0, pauseAfter(took) - (pausing - committed)));
      phases.add(`${pass}: pauses`, performance.now() - pausing);
    }
  }
}
