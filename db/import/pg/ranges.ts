// Runs a set-based step over numbered rows 1..total in ranges of `rows`, reporting after each: all inside the one
// apply transaction, so the ranges are only for progress (a 2.3 M-row statement says nothing for a long while).
export async function inRanges(
  total: number,
  rows: number,
  step: (low: number, high: number) => Promise<void>,
  onProgress: (applied: number) => void,
): Promise<void> {
  for (let low = 0; low < total; low += rows) {
    const high = Math.min(low + rows, total);
    await step(low, high);
    onProgress(high);
  }
}
