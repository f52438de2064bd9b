/**
 * Pages of rows as a byte stream. `Readable.from` pulls the next page only
 * when the consumer has drained the last one, so a slow client holds the
 * store's paging (backpressure) and memory stays at about one page.
 */
import { Readable } from 'node:stream';

/** A stream of `head`, each page encoded, then `tail`; empty pages are skipped. */
export function pageStream<T>(
  pages: AsyncIterable<readonly T[]>,
  encodePage: (rows: readonly T[], first: boolean) => string,
  head = '',
  tail = '',
): Readable {
  async function* bytes(): AsyncGenerator<Buffer> {
    if (head !== '') yield Buffer.from(head, 'utf8');
    let first = true;
    for await (const rows of pages) {
      if (rows.length === 0) continue;
      yield Buffer.from(encodePage(rows, first), 'utf8');
      first = false;
    }
    if (tail !== '') yield Buffer.from(tail, 'utf8');
  }
  return Readable.from(bytes(), { objectMode: false });
}
