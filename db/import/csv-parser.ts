// Streaming RFC 4180 parser: quoted fields with commas, quotes and newlines; CRLF or LF; a leading BOM.
// Records come out with the physical line they start on (header = line 1), so errors can name it.

export type RecordHandler = (fields: string[], line: number) => void;
/** column is 1-based; the caller maps it to a header name. */
export type SyntaxErrorHandler = (line: number, column: number, reason: string) => void;

/** No record of the contract comes near this; a longer one means a missing line break or closing quote. */
export const MAX_RECORD_CHARS = 64 * 1024;

export class CsvParser {
  private buffer = '';
  private line = 1;
  private started = false;
  private stopped = false;

  constructor(
    private readonly onRecord: RecordHandler,
    private readonly onSyntaxError: SyntaxErrorHandler,
    private readonly maxRecordChars = MAX_RECORD_CHARS,
  ) {}

  /** The line the parser has reached (the one the next record starts on). */
  get currentLine(): number {
    return this.line;
  }

  /** True once a record ran past the cap: the rest of the file is not read. */
  get failed(): boolean {
    return this.stopped;
  }

  /** What is held waiting for the rest of a record: never more than the cap and one chunk. */
  get bufferedChars(): number {
    return this.buffer.length;
  }

  push(chunk: string): void {
    if (this.stopped) return;
    if (!this.started) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    this.buffer = this.buffer.length === 0 ? chunk : this.buffer + chunk;
    this.consume(false);
    // A record still open past the cap is refused at once: holding it and scanning it again on every chunk would cost
    // time that grows with the square of its length.
    if (this.buffer.length > this.maxRecordChars) {
      this.onSyntaxError(
        this.line,
        1,
        `a record longer than ${this.maxRecordChars.toLocaleString('en-US')} characters starts here: a line break or a closing quote is probably missing`,
      );
      this.stopped = true;
      this.buffer = '';
    }
  }

  end(): void {
    if (!this.stopped) this.consume(true);
    this.buffer = '';
  }

  private consume(final: boolean): void {
    const buffer = this.buffer;
    let pos = 0;
    let quote = buffer.indexOf('"');
    while (pos < buffer.length) {
      const newline = buffer.indexOf('\n', pos);
      if (newline === -1 && !final) break;
      const lineEnd = newline === -1 ? buffer.length : newline;
      if (quote !== -1 && quote < pos) quote = buffer.indexOf('"', pos); // searched again only once passed
      if (quote === -1 || quote > lineEnd) {
        // Fast path: a record on one line without quotes (nearly every row of a real extract).
        const contentEnd = lineEnd > pos && buffer.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
        if (contentEnd > pos) this.onRecord(buffer.slice(pos, contentEnd).split(','), this.line);
        this.line++;
        pos = lineEnd + 1;
        continue;
      }
      const next = this.quotedRecord(buffer, pos, final);
      if (next === -1) break;
      pos = next;
    }
    this.buffer = pos >= buffer.length ? '' : buffer.slice(pos);
  }

  /** Parses one record that contains quotes; returns where the next record starts, or -1 to wait for more data. */
  private quotedRecord(buffer: string, start: number, final: boolean): number {
    const fields: string[] = [];
    const startLine = this.line;
    let newlines = 0;
    let i = start;
    for (;;) {
      let value: string;
      if (buffer.charCodeAt(i) === 34) {
        value = '';
        i++;
        for (;;) {
          const close = buffer.indexOf('"', i);
          if (close === -1 || (close === buffer.length - 1 && !final)) {
            if (!final) return -1;
            this.onSyntaxError(startLine, fields.length + 1, 'quoted field is never closed (a " is missing)');
            this.line = startLine + newlines + countNewlines(buffer, i, buffer.length) + 1;
            return buffer.length;
          }
          value += buffer.slice(i, close);
          newlines += countNewlines(buffer, i, close);
          if (buffer.charCodeAt(close + 1) === 34) {
            value += '"';
            i = close + 2;
          } else {
            i = close + 1;
            break;
          }
        }
        const delimiter = nextDelimiter(buffer, i);
        if (delimiter === -1 && !final) return -1;
        const end = delimiter === -1 ? buffer.length : delimiter;
        if (buffer.slice(i, end).trim() !== '') {
          this.onSyntaxError(startLine, fields.length + 1, 'text after the closing quote (quote the whole field)');
        }
        i = end;
      } else {
        const delimiter = nextDelimiter(buffer, i);
        if (delimiter === -1 && !final) return -1;
        const end = delimiter === -1 ? buffer.length : delimiter;
        value = buffer.slice(i, end);
        if (value.endsWith('\r') && buffer.charCodeAt(end) !== 44) value = value.slice(0, -1);
        if (value.includes('"')) {
          this.onSyntaxError(startLine, fields.length + 1, 'quote inside an unquoted field (quote the field and double inner quotes)');
        }
        i = end;
      }
      fields.push(value);
      if (i >= buffer.length || buffer.charCodeAt(i) === 10) break;
      i++; // past the comma
    }
    this.onRecord(fields, startLine);
    this.line = startLine + newlines + 1;
    return i + 1;
  }
}

function nextDelimiter(buffer: string, from: number): number {
  const comma = buffer.indexOf(',', from);
  const newline = buffer.indexOf('\n', from);
  if (comma === -1) return newline;
  if (newline === -1) return comma;
  return comma < newline ? comma : newline;
}

function countNewlines(buffer: string, from: number, to: number): number {
  let count = 0;
  for (let i = buffer.indexOf('\n', from); i !== -1 && i < to; i = buffer.indexOf('\n', i + 1)) count++;
  return count;
}
