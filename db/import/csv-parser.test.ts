import { parse as parseSync } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvParser } from './csv-parser';

function parse(text: string, chunkSize = text.length || 1) {
  const records: Array<[number, string[]]> = [];
  const errors: string[] = [];
  const parser = new CsvParser(
    (fields, line) => records.push([line, [...fields]]),
    (line, column, reason) => errors.push(`${line}:${column}: ${reason}`),
  );
  for (let i = 0; i < text.length; i += chunkSize) parser.push(text.slice(i, i + chunkSize));
  parser.end();
  return { records, errors };
}

describe('CsvParser', () => {
  it('splits plain rows and numbers physical lines from the header', () => {
    expect(parse('a,b\n1,2\n3,4\n').records).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
      [3, ['3', '4']],
    ]);
  });

  it('handles a BOM, CRLF, a missing final newline and empty trailing lines', () => {
    expect(parse('\uFEFFa,b\r\n1,2\r\n\r\n3,4').records).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
      [4, ['3', '4']],
    ]);
    expect(parse('a,b\n1,2\n\n\n').records).toHaveLength(2);
  });

  it('reads quoted fields with commas, doubled quotes and newlines, and keeps counting lines after them', () => {
    const { records, errors } = parse('a,b\n"x, y","say ""hi"""\n"two\nlines",z\r\nlast,"q"\r\n');
    expect(errors).toEqual([]);
    expect(records).toEqual([
      [1, ['a', 'b']],
      [2, ['x, y', 'say "hi"']],
      [3, ['two\nlines', 'z']],
      [5, ['last', 'q']],
    ]);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    const text = '\uFEFFa,b,c\r\n"1,\r\n2",""""," "\r\nx,,z\n"",y,"end"';
    const whole = parse(text);
    for (const size of [1, 2, 3, 5, 7]) expect(parse(text, size)).toEqual(whole);
  });

  it('reports a quote inside an unquoted field, text after a closing quote, and a quote never closed', () => {
    expect(parse('a,b\n1,ab"c\n').errors).toEqual(['2:2: quote inside an unquoted field (quote the field and double inner quotes)']);
    expect(parse('a,b\n"1"x,2\n').errors).toEqual(['2:1: text after the closing quote (quote the whole field)']);
    expect(parse('a,b\n1,"open\n2,3\n').errors).toEqual(['2:2: quoted field is never closed (a " is missing)']);
  });
});

describe('CsvParser against csv-parse', () => {
  // csv-parse is the ecosystem's RFC 4180 parser; ours is ours for speed (docs/decisions/009-libraries.md), so it
  // must read every well-formed file exactly as csv-parse does.
  const pieces = ['plain', '', ' padded ', '"quoted, comma"', '"doubled ""quotes"""', '"two\nlines"', '"crlf\r\ninside"', '"é ü 中"'];

  function randomCsv(seed: number): string {
    let state = seed;
    const next = (n: number) => ((state = (state * 1103515245 + 12345) % 2147483648), state % n);
    const rows = Array.from({ length: 40 }, () => Array.from({ length: 4 }, () => pieces[next(pieces.length)]).join(','));
    const eol = next(2) === 0 ? '\n' : '\r\n';
    return `a,b,c,d${eol}${rows.join(eol)}${next(2) === 0 ? eol : ''}`;
  }

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('agrees record for record on random file %i, in any chunking', (seed) => {
    const text = randomCsv(seed);
    const expected = parseSync(text, { relax_column_count: true, skip_empty_lines: true }) as string[][];
    for (const size of [text.length, 13, 1]) {
      const { records, errors } = parse(text, size);
      expect(errors).toEqual([]);
      expect(records.map(([, fields]) => fields)).toEqual(expected);
    }
  });
});
