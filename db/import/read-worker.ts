// An import's reading thread (read-in-worker.ts starts it and hands it files). It reads, parses and validates a file
// with the same readRows as every import, and sends each chunk's valid rows on (as SQLite's staging values, or as
// PostgreSQL's COPY text) while the main thread writes the earlier ones; it runs at most a few chunks ahead, so a
// slower main thread bounds its memory. For an accounts file it also keeps what the phone directory of new accounts needs (thread-directory.ts).
// One file at a time; the thread then waits for the next.
import { parentPort } from 'node:worker_threads';
import { LAYOUTS } from './layouts';
import { COPY_ROW } from './pg/copy-text';
import { BATCH_ROWS, IN_FLIGHT, POSTED, TAKEN, type ReaderMessage, type ReadRequest } from './read-in-worker';
import { readRows } from './read-rows';
import { RowErrors } from './row-errors';
import { STAGED, StagedLines } from './staged-rows';
import { DirectoryRows } from './thread-directory';

async function read({ port, state, file, kind, format, maxTextBytes, directoryFile }: ReadRequest): Promise<void> {
  const counters = new Int32Array(state);
  let waitedMs = 0;
  /** Waits until at most `ahead` messages are untaken (the main thread stops taking only when it fails, and then ends this thread). */
  const post = (message: ReaderMessage, ahead = IN_FLIGHT) => {
    port.postMessage(message);
    Atomics.add(counters, POSTED, 1);
    Atomics.notify(counters, POSTED);
    for (;;) {
      const taken = Atomics.load(counters, TAKEN);
      if (Atomics.load(counters, POSTED) - taken <= ahead) return;
      const waiting = performance.now();
      Atomics.wait(counters, TAKEN, taken, 1_000);
      waitedMs += performance.now() - waiting;
    }
  };
  const shape = STAGED[kind];
  const width = shape.columns.length;
  const column = (name: string) => shape.columns.findIndex(([each]) => each === name);
  const [numberAt, linesAt] = [column('account_number'), column('lines')];
  const lines = new StagedLines();
  let seq = 0;
  const errors = new RowErrors();
  const progress = { rows: 0, bytesRead: 0 };
  let values: unknown[] = [];
  let text: string[] = [];
  const sendRows = () => {
    if (format === 'copy-text') post({ type: 'text', text: text.join(''), rows: progress.rows, bytesRead: progress.bytesRead });
    else post({ type: 'rows', values, rows: progress.rows, bytesRead: progress.bytesRead });
    values = [];
    text = [];
  };
  const pending = () => (format === 'copy-text' ? text.length / 2 : values.length / width);
  const toCopyText = COPY_ROW[kind];
  let keep: DirectoryRows | null = null;
  try {
    keep = directoryFile === null ? null : new DirectoryRows(directoryFile);
    const stage = {
      add:
        format === 'copy-text'
          ? (row: unknown, line: number) => {
              text.push(toCopyText(row, line), '\n');
              if (text.length >= BATCH_ROWS * 2) sendRows();
            }
          : (row: unknown, line: number) => {
              lines.record(++seq, line);
              const at = values.length;
              shape.values(row, values);
              keep?.add(values[at + numberAt], values[at + linesAt]);
              if (values.length >= BATCH_ROWS * width) sendRows();
            },
      afterChunk() {
        if (pending() > 0) sendRows();
      },
    };
    const read = await readRows(file, LAYOUTS[kind], stage, errors, progress, () => {}, maxTextBytes);
    if (pending() > 0) sendRows();
    keep?.close();
    keep = null;
    // The last message is taken before the next request is, so nothing of this one is left behind.
    const done = { ...read, errors: errors.state, rows: progress.rows, bytesRead: progress.bytesRead, lineSteps: lines.steps, waitedMs };
    post({ type: 'done', ...done }, 0);
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }, 0);
  } finally {
    port.close();
    try {
      keep?.close();
    } catch {
      // the main thread deletes the file whatever state it is in
    }
  }
}

parentPort!.on('message', (request: ReadRequest) => void read(request));
