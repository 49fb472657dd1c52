// Applies staged rows (rowids 1..last) in write transactions sized to take about TARGET_MS each,
// so another process never waits long for the write lock, and commits stay few enough to be fast.
const TARGET_MS = 200;
const MIN_ROWS = 500;
const MAX_ROWS = 50_000;
const FIRST_ROWS = 5_000;

/** fixedRows (for tests) turns the sizing off. */
export function applyInChunks(
  last: number,
  fixedRows: number | undefined,
  applyChunk: (range: { low: number; high: number }) => void,
  onProgress: () => void,
): void {
  let rows = fixedRows ?? FIRST_ROWS;
  for (let low = 0; low < last; ) {
    const high = Math.min(low + rows, last);
    const started = performance.now();
    applyChunk({ low, high });
    const elapsed = Math.max(performance.now() - started, 1);
    onProgress();
    // Steer towards the target, never more than doubling at once.
    if (fixedRows === undefined) rows = Math.round(Math.min(MAX_ROWS, Math.max(MIN_ROWS, rows * Math.min(2, TARGET_MS / elapsed))));
    low = high;
  }
}
