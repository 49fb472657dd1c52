// A one-line progress bar on a terminal (cli-progress): the pass, rows, rows/s and the time left.
import { SingleBar } from 'cli-progress';
import type { ImportProgress } from './run-import';

export function createProgressBar(stream: NodeJS.WriteStream): { update: (progress: ImportProgress) => void; done: () => void } {
  if (!stream.isTTY) return { update: () => {}, done: () => {} };
  const bar = new SingleBar({
    stream,
    format: '{phase} [{bar}] {rows} rows  {rate} rows/s  ETA {eta} s',
    barsize: 24,
    barCompleteChar: '#',
    barIncompleteChar: '.',
    hideCursor: true,
    clearOnComplete: true,
    fps: 10,
  });
  let phase = '';
  let phaseStarted = performance.now();
  let started = false;
  return {
    update(progress) {
      const validating = progress.phase === 'validating';
      // Validating is measured in bytes read (the row count is not known until the end), applying in rows.
      const [value, total] = validating
        ? [progress.bytesRead, Math.max(progress.totalBytes, 1)]
        : [progress.applied, Math.max(progress.applyTotal, 1)];
      const newPhase = progress.phase !== phase;
      if (newPhase) [phase, phaseStarted] = [progress.phase, performance.now()];
      const done = validating ? progress.rows : progress.applied;
      const elapsed = (performance.now() - phaseStarted) / 1000;
      const payload = {
        phase: progress.phase.padEnd(10),
        rows: done.toLocaleString('en-US'),
        rate: Math.round(elapsed > 0 ? done / elapsed : 0).toLocaleString('en-US'),
      };
      if (!started || newPhase) {
        // A new pass starts the bar (and its time left) afresh.
        if (started) bar.stop();
        started = true;
        bar.start(total, value, payload);
      } else {
        bar.setTotal(total);
        bar.update(value, payload);
      }
    },
    done() {
      if (started) bar.stop();
    },
  };
}
