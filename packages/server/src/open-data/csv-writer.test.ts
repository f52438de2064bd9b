import { buffer, text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { csvCell, csvStream } from './csv-writer.js';

async function* pagesOf<T>(...pages: T[][]): AsyncGenerator<T[]> {
  for (const p of pages) yield p;
}

describe('csv writer', () => {
  it('quotes per RFC 4180 and guards formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    for (const s of ['+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(s).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvCell(-87.6)).toBe('-87.6');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('streams a header and every row of every page, CRLF ended', async () => {
    const columns = [
      { header: 'id', value: (r: { id: number; name: string }) => r.id },
      { header: 'name', value: (r: { id: number; name: string }) => r.name },
    ];
    const out = (await buffer(csvStream(columns, pagesOf([{ id: 1, name: 'ñandú' }], [], [{ id: 2, name: 'a,b' }]), { bom: true }))).toString('utf8');
    expect(out).toBe('\ufeffid,name\r\n1,ñandú\r\n2,"a,b"\r\n');
    expect(await text(csvStream(columns, pagesOf()))).toBe('id,name\r\n');
  });

  it('pulls the next page only when the reader wants more', async () => {
    let pulled = 0;
    async function* many(): AsyncGenerator<{ n: number }[]> {
      for (let p = 0; p < 1000; p++) {
        pulled++;
        yield Array.from({ length: 1000 }, (_, n) => ({ n }));
      }
    }
    const stream = csvStream([{ header: 'n', value: (r: { n: number }) => r.n }], many());
    const reader = stream[Symbol.asyncIterator]();
    await reader.next();
    await reader.next();
    expect(pulled).toBeLessThan(10);
    stream.destroy();
  });
});
