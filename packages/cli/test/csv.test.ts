/** The streaming CSV reader: RFC 4180 cases, any chunking, line numbers, errors. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvReader, CsvSyntaxError } from '../src/import/csv.js';

type Rec = { fields: string[]; line: number };

function read(chunks: readonly string[]): Rec[] {
  const out: Rec[] = [];
  const r = new CsvReader((fields, line) => out.push({ fields: [...fields], line }));
  for (const c of chunks) r.push(c);
  r.end();
  return out;
}

/** Every way of cutting `text` in two, plus one character at a time. */
function chunkings(text: string): string[][] {
  const ways: string[][] = [[text], [...text]];
  for (let i = 1; i < text.length; i++) ways.push([text.slice(0, i), text.slice(i)]);
  return ways;
}

const SAMPLE = '\ufeffa,b,c\r\n1,"x, y","say ""hi"""\r\n\r\n2,"multi\nline",\n3,,last';

describe('CsvReader', () => {
  it('reads quoted fields, doubled quotes, CRLF, blank lines and a last line without a break', () => {
    expect(read([SAMPLE])).toEqual([
      { fields: ['a', 'b', 'c'], line: 1 },
      { fields: ['1', 'x, y', 'say "hi"'], line: 2 },
      { fields: ['2', 'multi\nline', ''], line: 4 },
      { fields: ['3', '', 'last'], line: 6 },
    ]);
  });

  it('gives the same records however the text is cut into chunks', () => {
    const expected = read([SAMPLE]);
    for (const chunks of chunkings(SAMPLE)) expect(read(chunks)).toEqual(expected);
  });

  it('round-trips any table written by the usual quoting rules, in any chunking', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r\n', 'é', '😀'), maxLength: 6 });
    const table = fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 6 });
    fc.assert(fc.property(table, fc.array(fc.nat(), { maxLength: 4 }), (rows, cuts) => {
      const quote = (v: string) => (/[",\r\n]/.test(v) || v === '' ? `"${v.replaceAll('"', '""')}"` : v);
      const text = rows.map((r) => r.map(quote).join(',')).join('\r\n');
      const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
      const chunks: string[] = [];
      let from = 0;
      for (const p of points) { chunks.push(text.slice(from, p)); from = p; }
      chunks.push(text.slice(from));
      expect(read(chunks).map((r) => r.fields)).toEqual(rows);
    }), { numRuns: 300 });
  });

  it('reports an unclosed quote and stray characters after a quote with their line', () => {
    expect(() => read(['a,b\n1,"open\n2,3\n'])).toThrow(new CsvSyntaxError(2, 'a quoted field is not closed (missing ")'));
    expect(() => read(['a,b\n1,"x"y\n'])).toThrow(/^line 2: unexpected character 'y' after a closing quote/);
  });

  it('keeps line numbers right across multi-line fields and chunks', () => {
    const text = 'h\n"a\nb\nc"\nnext\n';
    for (const chunks of chunkings(text)) {
      expect(read(chunks)).toEqual([
        { fields: ['h'], line: 1 },
        { fields: ['a\nb\nc'], line: 2 },
        { fields: ['next'], line: 5 },
      ]);
    }
  });
});
