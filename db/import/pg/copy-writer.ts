// Streams rows into a table with COPY … FROM STDIN (text format): one statement for the whole file, which the server
// ingests while the rest of the file is still being parsed. Rows are buffered as text and written once per chunk of
// the file; when the connection's buffer is full, the next chunk waits for it (backpressure, so memory stays flat).
import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom, type CopyStreamQuery } from 'pg-copy-streams';

// COPY's text format: a backslash starts an escape, tab separates columns, a newline ends the row.
const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPED: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A text value in COPY's text format. */
export function copyText(value: string): string {
  return SPECIAL.test(value) ? value.replace(SPECIALS, (character) => ESCAPED[character]!) : value;
}

/** The same for a value that may be SQL NULL. */
export function copyNullable(value: string | null): string {
  return value === null ? '\\N' : copyText(value);
}

export class CopyWriter {
  private readonly stream: CopyStreamQuery;
  private readonly finished: Promise<void>;
  private parts: string[] = [];
  private failure: Error | null = null;

  constructor(client: pg.ClientBase, table: string, columns: readonly string[]) {
    this.stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
    this.finished = new Promise((resolve, reject) => {
      this.stream.once('finish', resolve);
      this.stream.once('error', (error: Error) => {
        this.failure = error;
        reject(error);
      });
    });
    this.finished.catch(() => {}); // surfaced by flush() or end()
  }

  /** One row: its values in COPY's text format (copyText, copyNullable), separated by tabs, without the newline. */
  row(text: string): void {
    this.parts.push(text, '\n');
  }

  /** Sends the buffered rows, and waits if the connection asks for it. */
  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.parts.length === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    if (!this.stream.write(text)) await Promise.race([once(this.stream, 'drain'), this.finished]);
  }

  /** Sends the rest and resolves once the server has every row. */
  async end(): Promise<void> {
    await this.flush();
    this.stream.end();
    await this.finished;
  }

  /** Abandons the COPY: the server rolls it back. */
  async cancel(): Promise<void> {
    if (this.failure || this.stream.writableFinished) return;
    this.stream.destroy(new Error('import stopped'));
    await this.finished.catch(() => {});
  }
}
