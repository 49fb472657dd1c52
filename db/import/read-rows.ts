// Reads an import file and validates every row against its header's layout, handing each valid row to a stage: one
// reading of the file for both engines, so a file gets the same line-numbered messages on SQLite and PostgreSQL.
import { CsvParser } from './csv-parser';
import { isIdentityOrder, readHeader } from './header';
import type { ImportLayout } from './import-kind';
import type { Layouts } from './layouts';
import { FileTooLargeError, readTextChunks } from './read-file';
import type { RowErrors } from './row-errors';

/** Where valid rows go (an engine's staging table). */
export interface RowStage<Row> {
  add(row: Row, line: number): void;
  /** After each chunk of text (about 1 MB) has been parsed: a stage that streams may wait here for the database. */
  afterChunk(): void | Promise<void>;
}

export interface RowsRead {
  sha256: string;
  /** False when the header was missing or unusable, or a record stopped the parser: the staged rows are not the file. */
  complete: boolean;
}

export async function readRows<Row>(
  file: string,
  layouts: Layouts<Row>,
  stage: RowStage<Row>,
  errors: RowErrors,
  progress: { rows: number; bytesRead: number },
  onBytes: () => void,
  maxTextBytes: number | undefined,
): Promise<RowsRead> {
  let layout: ImportLayout<Row> = layouts[0];
  let order: number[] | null = null;
  let identity = true;
  let sawHeader = false;
  const parser = new CsvParser(
    (fields, line) => {
      if (!sawHeader) {
        sawHeader = true;
        const header = readHeader(fields, layouts, errors);
        if (header) ({ layout, order } = header);
        identity = order !== null && isIdentityOrder(order) && fields.length === layout.columns.length;
        return;
      }
      if (order === null) return;
      const row = validateRow(layout, fields, identity ? null : order, line, errors);
      if (row === undefined) return;
      progress.rows++;
      if (row === null) return; // valid rows are staged even after a bad one, so the whole-file checks see them all
      stage.add(row, line);
    },
    (line, column, reason) => errors.add(line, columnName(layout.columns, order, column), reason),
  );
  let read = { sha256: '', bytes: 0 };
  try {
    read = await readTextChunks(
      file,
      (text) => {
        parser.push(text);
        return stage.afterChunk();
      },
      (bytes) => {
        progress.bytesRead = bytes;
        onBytes();
      },
      // A record past the cap has stopped the parser: the rest of the file is not worth reading.
      { maxTextBytes, shouldStop: () => parser.failed },
    );
  } catch (error) {
    if (!(error instanceof FileTooLargeError)) throw error;
    errors.add(parser.currentLine, 'file', `${error.message}; check that it is the right file`);
  }
  parser.end();
  if (!sawHeader) errors.add(1, layout.columns[0]!, `the file is empty; expected the header ${layout.columns.join(',')}`);
  return { sha256: read.sha256, complete: sawHeader && order !== null && !parser.failed };
}

/** Returns the valid row, null for a bad row (recorded in errors), undefined for a blank line to skip. */
function validateRow<Row>(
  layout: ImportLayout<Row>,
  fields: string[],
  order: number[] | null,
  line: number,
  errors: RowErrors,
): Row | null | undefined {
  const width = layout.columns.length; // the header has exactly these columns, in some order
  if (order === null && fields.length === width) {
    const row = layout.fastPath(fields);
    if (row !== null) return row;
  }
  if (fields.every((field) => field.trim() === '')) return undefined; // spreadsheets append rows of bare commas
  if (fields.length !== width) {
    const column = fields.length < width ? columnName(layout.columns, order, fields.length + 1) : String(width + 1);
    errors.add(line, column, `expected ${width} columns as in the header, found ${fields.length}`);
    return null;
  }
  const raw: Record<string, string> = {};
  layout.columns.forEach((column, i) => (raw[column] = fields[order === null ? i : order[i]!]!));
  if (order !== null) {
    const row = layout.fastPath(layout.columns.map((column) => raw[column]!));
    if (row !== null) return row;
  }
  const parsed = layout.schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  errors.addIssues(line, parsed.error.issues, raw);
  return null;
}

/** Names a 1-based file column by its header name when the header is known. */
function columnName(columns: readonly string[], order: number[] | null, column: number): string {
  if (order === null) return columns[column - 1] ?? String(column);
  const index = order.indexOf(column - 1);
  return index === -1 ? String(column) : columns[index]!;
}
