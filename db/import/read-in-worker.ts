// An import's reading thread (read-worker.ts). It reads the file while the main thread stages what it sends:
// parsing and validating take about as long as the database takes to stage the rows, so doing both at once nearly
// halves that part. On SQLite the main thread takes the rows synchronously, inside the one SQL statement that sorts
// them (sqlite-import.ts): receiveMessageOnPort, and Atomics.wait on a shared counter while the reader is behind. On
// PostgreSQL it takes them as COPY text without blocking (Atomics.waitAsync) and only forwards them to the server
// (pg/postgres-import.ts). For an
// accounts file it also keeps what the phone directory of new accounts needs (thread-directory.ts). A thread is kept
// for the next import of the same process (starting one costs about 0.3 s, loading the parser and the schemas).
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { ImportKindName } from './import-options';
import type { RowErrorsState } from './row-errors';

export interface FileToRead {
  file: string;
  kind: ImportKindName;
  maxTextBytes: number | undefined;
}

/** What the reader sends the rows as: SQLite's staging values (staged-rows.ts), or PostgreSQL's COPY text (pg/copy-text.ts). */
export type RowsFormat = 'staged-values' | 'copy-text';

export interface ReadRequest extends FileToRead {
  type: 'read';
  format: RowsFormat;
  /** Where this file's messages go. */
  port: MessagePort;
  /** Two Int32 counters: messages posted by the reader, messages taken by the main thread. */
  state: SharedArrayBuffer;
  /** Keep the rows' numbers and lines for the phone directory in this scratch file (thread-directory.ts). */
  directoryFile: string | null;
}

export type ReaderMessage =
  /** One chunk's valid rows, as staging values (staged-rows.ts), with the progress so far. */
  | { type: 'rows'; values: unknown[]; rows: number; bytesRead: number }
  /** The same as lines of COPY text, each with its line number and a newline. */
  | { type: 'text'; text: string; rows: number; bytesRead: number }
  | {
      type: 'done';
      sha256: string;
      complete: boolean;
      errors: RowErrorsState;
      rows: number;
      bytesRead: number;
      /** The valid rows' lines by their seq (StagedLines). */
      lineSteps: number[];
      /** How long the reader waited for the main thread to take its messages. */
      waitedMs: number;
    }
  | { type: 'failed'; message: string };

type RowsMessage = Extract<ReaderMessage, { type: 'rows' | 'text' }>;
/** The rows message a format's reader sends. */
export type RowsOf<Format extends RowsFormat> = Extract<RowsMessage, { type: Format extends 'copy-text' ? 'text' : 'rows' }>;
export type ReadDone = Extract<ReaderMessage, { type: 'done' }>;

/** Where take() puts the progress each message carries. */
export interface ReadProgress {
  progress: { rows: number; bytesRead: number };
  onProgress: () => void;
}

export const POSTED = 0;
export const TAKEN = 1;
/** Rows per message: few enough that the main thread's copies die young (whole 1 MB chunks of text were promoted to
 * the old generation and grew its heap by 60 MB), enough that messages cost little. */
export const BATCH_ROWS = 1_000;
/** Messages the reader may run ahead of the main thread. */
export const IN_FLIGHT = 32;
/** Atomics.waitAsync: in Node since 16, in TypeScript's library only from ES2024 (this project's is older). */
const waitAsync = (
  Atomics as unknown as {
    waitAsync(
      array: Int32Array,
      index: number,
      value: number,
      timeoutMs: number,
    ): { async: false; value: 'not-equal' | 'timed-out' } | { async: true; value: Promise<'ok' | 'timed-out'> };
  }
).waitAsync;
/** A reader silent this long has died (a thread that failed cannot say so while the main thread waits). */
const SILENCE_MS = 60_000;

// The reader is TypeScript when this is (tsx, vitest), and a thread starts without its parent's loader: tsx is
// registered first. A thread that fails to start answers every file with the reason.
const BOOTSTRAP = `
const { parentPort, workerData } = require('node:worker_threads');
const started = workerData.tsx ? import(workerData.tsx).then((tsx) => tsx.register()) : Promise.resolve();
started.then(() => import(workerData.entry)).catch((error) => {
  const message = 'the reading thread did not start: ' + ((error && error.message) || error);
  parentPort.on('message', ({ port, state }) => {
    port.postMessage({ type: 'failed', message });
    const counters = new Int32Array(state);
    Atomics.add(counters, 0, 1);
    Atomics.notify(counters, 0);
  });
});
`;

/** tsx's ESM register API (the module `import('tsx/esm/api')` would load from here). */
function tsxApi(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const { exports } = require(manifest) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(path.join(path.dirname(manifest), exports['./esm/api']!.import.default)).href;
}

function startThread(): Worker {
  const entry = new URL(import.meta.url.endsWith('.ts') ? './read-worker.ts' : './read-worker.js', import.meta.url);
  const worker = new Worker(BOOTSTRAP, {
    eval: true,
    workerData: { entry: entry.href, tsx: entry.pathname.endsWith('.ts') ? tsxApi() : null },
    // Its garbage is short-lived: a small young generation keeps the thread's memory down (48 MB by default; 16 MB
    // measured 14 MB more at the peak than 8, for a little less of its CPU).
    resourceLimits: { maxYoungGenerationSizeMb: 8 },
  });
  worker.on('error', () => {}); // reported through the request's port, or by the silence below
  return worker;
}

/** A thread that finished its last import, kept (not holding the process open) for the next one. */
let idle: Worker | null = null;

/**
 * One file being read in the thread; take() its messages in order until 'done'. Each one's progress is applied as it
 * is taken, and a failure in the thread is thrown here.
 */
export class FileReader<Rows extends RowsMessage> {
  /** How long take() waited for the reader. */
  waitedMs = 0;
  private readonly counters: Int32Array;
  private silentSince = performance.now();

  constructor(
    private readonly port: MessagePort,
    state: SharedArrayBuffer,
    private readonly reporting: ReadProgress,
    private readonly onEnd: (finished: boolean) => void,
  ) {
    this.counters = new Int32Array(state);
  }

  /** The reader's next message; blocks this thread until it comes (inside one SQLite statement, nothing else can run). */
  take(): Rows | ReadDone {
    for (;;) {
      const posted = Atomics.load(this.counters, POSTED);
      const message = this.receive();
      if (message) return this.accept(message);
      const waiting = performance.now();
      const failed = this.waited(waiting, Atomics.wait(this.counters, POSTED, posted, 1_000));
      if (failed) return this.accept(failed);
    }
  }

  /** The same without blocking the event loop, for a caller that writes the rows out over a socket meanwhile. */
  async takeAsync(): Promise<Rows | ReadDone> {
    for (;;) {
      const posted = Atomics.load(this.counters, POSTED);
      const message = this.receive();
      if (message) return this.accept(message);
      const waiting = performance.now();
      const wait = waitAsync(this.counters, POSTED, posted, 1_000);
      const failed = this.waited(waiting, wait.async ? await wait.value : wait.value);
      if (failed) return this.accept(failed);
    }
  }

  /** A message of the format asked for (read()), its progress applied; a failure thrown. */
  private accept(message: ReaderMessage): Rows | ReadDone {
    if (message.type === 'failed') throw new Error(message.message);
    this.reporting.progress.rows = message.rows;
    this.reporting.progress.bytesRead = message.bytesRead;
    this.reporting.onProgress();
    return message as Rows | ReadDone;
  }

  private receive(): ReaderMessage | null {
    const received = receiveMessageOnPort(this.port);
    if (!received) return null;
    Atomics.add(this.counters, TAKEN, 1);
    Atomics.notify(this.counters, TAKEN);
    const message = received.message as ReaderMessage;
    if (message.type === 'done' || message.type === 'failed') this.end(message.type === 'done');
    return message;
  }

  /** Counts a wait; a reader silent for SILENCE_MS has died (a failed thread cannot say so), and the file fails. */
  private waited(since: number, woke: 'ok' | 'not-equal' | 'timed-out'): ReaderMessage | null {
    this.waitedMs += performance.now() - since;
    if (woke !== 'timed-out') this.silentSince = performance.now();
    else if (performance.now() - this.silentSince > SILENCE_MS) {
      this.end(false);
      return { type: 'failed', message: 'the reading thread stopped answering' };
    }
    return null;
  }

  private end(finished: boolean): void {
    this.port.close();
    this.onEnd(finished);
  }
}

/** The thread, for one import: read() its file, then release() it. */
export class ImportThread {
  private readonly worker: Worker;
  /** False once a file was not read to its end: the thread is then ended rather than kept. */
  private reusable = true;
  private busy = false;

  constructor() {
    this.worker = idle ?? startThread();
    idle = null;
    this.worker.ref();
  }

  read<Format extends RowsFormat>(
    file: FileToRead,
    format: Format,
    reporting: ReadProgress,
    directoryFile: string | null = null,
  ): FileReader<RowsOf<Format>> {
    const { port1, port2 } = new MessageChannel();
    const state = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
    this.busy = true;
    this.worker.postMessage({ type: 'read', ...file, format, port: port2, state, directoryFile } satisfies ReadRequest, [port2]);
    return new FileReader(port1, state, reporting, (finished) => {
      this.busy = false;
      if (!finished) this.reusable = false;
    });
  }

  /** Keeps the thread for the next import if it finished its file, else ends it. */
  async release(): Promise<void> {
    if (this.reusable && !this.busy && idle === null) {
      this.worker.unref();
      idle = this.worker;
    } else {
      await this.worker.terminate();
    }
  }
}
