// Applies staged rows (rowids 1..last) in write transactions sized to take about TARGET_MS each, with a pause
// after each one: SQLite's busy handler (the portal's busy_timeout) retries at most 100 ms apart, so a pause of
// PAUSE_MS lets a waiting writer in before the next chunk; it waits at most about one chunk plus the pause.
// The pause starts with checkpointing the WAL (which takes no write lock), so the portal's commits never have to.
import { setTimeout as sleep } from 'node:timers/promises';
import type Database from 'better-sqlite3';

const TARGET_MS = 250;
const PAUSE_MS = 110;
const MIN_ROWS = 500;
const MAX_ROWS = 100_000;
const FIRST_ROWS = 5_000;

/** fixedRows (for tests) turns the sizing off. */
export async function applyInChunks(
  sqlite: Database.Database,
  last: number,
  fixedRows: number | undefined,
  applyChunk: (range: { low: number; high: number }) => void,
  onProgress: () => void,
): Promise<void> {
  let rows = fixedRows ?? FIRST_ROWS;
  for (let low = 0; low < last;) {
    const high = Math.min(low + rows, last);
    const started = performance.now();
    applyChunk({ low, high });
    const committed = performance.now();
    onProgress();
    // Steer towards the target, growing by at most half at once so a slower stretch cannot overshoot far.
    const factor = Math.min(1.5, TARGET_MS / Math.max(committed - started, 1));
    if (fixedRows === undefined) rows = Math.round(Math.min(MAX_ROWS, Math.max(MIN_ROWS, rows * factor)));
    low = high;
    sqlite.pragma('wal_checkpoint(PASSIVE)');
    if (low < last) await sleep(Math.max(0, PAUSE_MS - (performance.now() - committed)));
  }
}
