// Streams rows into a table with COPY … FROM STDIN (text format, copy-text.ts): one statement for the whole file,
// which the server ingests while the reading thread parses the rest of it. When the connection's buffer is full, the
// next rows wait for it (backpressure, so memory stays flat).
import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom, type CopyStreamQuery } from 'pg-copy-streams';

export class CopyWriter {
  private readonly stream: CopyStreamQuery;
  private readonly finished: Promise<void>;
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
    this.finished.catch(() => {}); // surfaced by write() or end()
  }

  /** Rows of COPY text, each ending in a newline; waits if the connection asks for it. */
  async write(rows: string): Promise<void> {
    if (this.failure) throw this.failure;
    if (rows.length === 0) return;
    if (!this.stream.write(rows)) await Promise.race([once(this.stream, 'drain'), this.finished]);
  }

  /** Resolves once the server has every row. */
  async end(): Promise<void> {
    if (this.failure) throw this.failure;
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
