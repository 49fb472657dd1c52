// `npx tsx scripts/bench/csv-parsers.ts FILE`: the import's own CSV parser against csv-parse on the same file, in
// the same process, fed the same text chunks; for docs/decisions/009-libraries.md. Prints seconds and records.
import { Parser } from 'csv-parse';
import { CsvParser } from '../../db/import/csv-parser';
import { readTextChunks } from '../../db/import/read-file';

const file = process.argv[2];
if (!file) throw new Error('usage: tsx scripts/bench/csv-parsers.ts FILE');

async function time(label: string, run: () => Promise<number>) {
  const started = performance.now();
  const records = await run();
  console.log(`${label}: ${((performance.now() - started) / 1000).toFixed(2)} s, ${records.toLocaleString('en-US')} records`);
}

async function ours(): Promise<number> {
  let records = 0;
  const parser = new CsvParser(
    () => void records++,
    () => {},
  );
  await readTextChunks(
    file!,
    (text) => parser.push(text),
    () => {},
  );
  parser.end();
  return records;
}

async function library(info: boolean): Promise<number> {
  let records = 0;
  const parser = new Parser({ bom: true, relax_column_count: true, skip_empty_lines: true, info });
  parser.on('readable', () => {
    while (parser.read() !== null) records++;
  });
  await readTextChunks(
    file!,
    (text) => void parser.write(text),
    () => {},
  );
  await new Promise<void>((resolve, reject) => parser.end(resolve).on('error', reject));
  return records;
}

async function readingOnly(): Promise<number> {
  let chunks = 0;
  await readTextChunks(
    file!,
    () => void chunks++,
    () => {},
  );
  return chunks;
}

await time('reading only (chunks, not records)', readingOnly);
for (let round = 1; round <= 2; round++) {
  await time(`round ${round}: db/import/csv-parser.ts`, ours);
  await time(`round ${round}: csv-parse with info (the line numbers errors need)`, () => library(true));
  await time(`round ${round}: csv-parse without info (no line numbers)`, () => library(false));
}
