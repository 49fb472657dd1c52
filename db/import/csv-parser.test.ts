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
    expect(parse('a,b\n1,2\n3,4\n').records).toEqual([[1, ['a', 'b']], [2, ['1', '2']], [3, ['3', '4']]]);
  });

  it('handles a BOM, CRLF, a missing final newline and empty trailing lines', () => {
    expect(parse('\uFEFFa,b\r\n1,2\r\n\r\n3,4').records).toEqual([[1, ['a', 'b']], [2, ['1', '2']], [4, ['3', '4']]]);
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
