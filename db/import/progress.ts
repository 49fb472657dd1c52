// A one-line progress bar on a terminal: rows, rows/s and an ETA from bytes read against the file size.
import type { ImportProgress } from './run-import';

const WIDTH = 24;

export function createProgressBar(stream: NodeJS.WriteStream): { update: (progress: ImportProgress) => void; done: () => void } {
  if (!stream.isTTY) return { update: () => {}, done: () => {} };
  const started = performance.now();
  let phase = 'validating';
  let phaseStarted = started;
  let lastDrawn = 0;
  let drawn = false;
  return {
    update(progress) {
      const now = performance.now();
      if (now - lastDrawn < 100) return;
      lastDrawn = now;
      drawn = true;
      const validating = progress.phase === 'validating';
      if (progress.phase !== phase) [phase, phaseStarted] = [progress.phase, now];
      const fraction = validating
        ? progress.bytesRead / Math.max(progress.totalBytes, 1)
        : progress.applied / Math.max(progress.applyTotal, 1);
      const elapsed = (now - phaseStarted) / 1000;
      const done = validating ? progress.rows : progress.applied;
      const rate = elapsed > 0 ? done / elapsed : 0;
      const eta = fraction > 0 ? (elapsed * (1 - fraction)) / fraction : 0;
      const filled = Math.round(Math.min(fraction, 1) * WIDTH);
      stream.write(
        `\r${progress.phase.padEnd(10)} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ` +
          `${done.toLocaleString('en-US')} rows  ${Math.round(rate).toLocaleString('en-US')} rows/s  ETA ${eta.toFixed(0)} s\x1b[K`,
      );
    },
    done() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}
