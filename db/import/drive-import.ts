// One import, end to end, on either engine: record the start (refused while another import runs), read and validate
// every row into staging, run the whole-file checks, and only if nothing is wrong apply; then end the access of people
// whose line left their account, and record the finish. What each step means on each engine is in its EngineImport.
import { statSync } from 'node:fs';
import path from 'node:path';
import { endAccessOfDepartedPeople } from './departed-people';
import type { EngineImport } from './engine-import';
import type { Counts } from './import-kind';
import type { ImportOptions, ImportProgress, ImportSummary } from './import-options';
import { HEARTBEAT_EVERY_MS, recordFinish, recordHeartbeat, recordInterrupted, recordStart } from './imports-log';
import { PhaseTimes } from './phase-times';
import { RowErrors } from './row-errors';

export async function driveImport(options: ImportOptions, open: (phases: PhaseTimes) => Promise<EngineImport>): Promise<ImportSummary> {
  const started = performance.now();
  const phases = new PhaseTimes();
  const engine = await phases.timeAsync('opening', () => open(phases));
  const { database } = engine;
  let id: number;
  try {
    id = await recordStart(database, options.kind, path.basename(options.file), options.operator);
  } catch (error) {
    await engine.close(); // another import runs (ImportBusyError): this one leaves nothing behind
    throw error;
  }
  // Progress comes every few hundred milliseconds: the heartbeat rides on it, but only when a write to the log would
  // not wait behind the import's own write lock (SQLite's staging and apply transactions).
  let lastHeartbeat = Date.now();
  const onProgress = (current: ImportProgress) => {
    if (engine.canWriteAside() && Date.now() - lastHeartbeat >= HEARTBEAT_EVERY_MS) {
      lastHeartbeat = Date.now();
      recordHeartbeat(database, id).catch(() => {}); // a missed heartbeat only makes the run look older
    }
    options.onProgress?.(current);
  };
  const errors = new RowErrors();
  const progress: ImportProgress = { phase: 'validating', rows: 0, bytesRead: 0, totalBytes: 0, applied: 0, applyTotal: 0 };
  let counts: Counts = { rows: 0, inserted: 0, updated: 0, unchanged: 0 };
  let sha256 = '';
  let message: string | null = null;
  let validated = 0;
  let accessEnded = 0;
  try {
    progress.totalBytes = statSync(options.file).size;
    const read = await phases.timeAsync('reading, validating and staging', () =>
      engine.stageFile({ file: options.file, kind: options.kind, maxTextBytes: options.maxTextBytes }, errors, progress, () =>
        onProgress(progress),
      ),
    );
    sha256 = read.sha256;
    // Duplicates and unknown accounts are reported with the bad rows, in one run, not in a second one after a fix.
    if (read.complete) await phases.timeAsync('whole-file checks', () => engine.checkStaged(errors));
    validated = performance.now();
    if (errors.count === 0) {
      options.beforeApply?.();
      progress.phase = 'applying';
      counts = await phases.timeAsync('applying', () =>
        engine.apply(options.chunkRows, (applied, total = progress.rows, phase = 'applying') => {
          progress.phase = phase;
          progress.applied = applied;
          progress.applyTotal = total;
          onProgress(progress);
        }),
      );
      if (options.kind === 'accounts') {
        accessEnded = await phases.timeAsync('ending the access of departed people', () =>
          endAccessOfDepartedPeople(database, options.operator, options.audit),
        );
      }
    } else {
      message = `${errors.count} bad row${errors.count === 1 ? '' : 's'}; nothing was imported`;
      counts.rows = progress.rows;
    }
  } catch (error) {
    await engine.abort();
    message = error instanceof Error ? error.message : String(error);
    counts.rows = progress.rows;
  }
  const outcome = errors.count === 0 && message === null ? 'succeeded' : 'failed';
  try {
    await recordFinish(database, id, { ...counts, outcome, fileSha256: sha256, errorCount: errors.count, message });
    if (outcome === 'succeeded') await recordInterrupted(database, options.kind, id);
  } finally {
    await engine.close(); // also drops the TEMP staging tables
  }
  return {
    id,
    kind: options.kind,
    file: options.file,
    sha256,
    outcome,
    ...counts,
    errorCount: errors.count,
    errors: errors.first,
    message,
    accessEnded,
    seconds: (performance.now() - started) / 1000,
    validateSeconds: ((validated || performance.now()) - started) / 1000,
    phases: phases.seconds(),
  };
}
