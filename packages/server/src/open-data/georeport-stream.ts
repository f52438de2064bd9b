/**
 * A GeoReport requests document (GET requests.{json,xml}?extensions=true)
 * written page by page. Each page is encoded by georeport's codec like a whole
 * answer, and its envelope (the XML declaration and root element, or the JSON
 * array's brackets) is written once around all pages instead, so the file is
 * byte for byte what one answer holding every request would be.
 */
import type { Readable } from 'node:stream';
import { CONTENT_TYPES, encodeRequests, type Format } from '@o311/georeport';
import type { PublicStoredRequest, Store } from '@o311/store';
import { toExtendedRequest, type ProjectionContext } from '../projection/public-request.js';
import { pageStream } from './page-stream.js';

export const GEOREPORT_CONTENT_TYPES = CONTENT_TYPES;

interface Envelope {
  head: string;
  tail: string;
  /** Written between two pages' contents. */
  join: string;
}

/** The envelope, read off the codec's own answer for an empty list and for one of two items. */
function envelopeOf(format: Format): Envelope {
  if (format === 'json') return { head: '[', tail: ']', join: ',' };
  const empty = encodeRequests([], 'xml');
  const selfClosed = /<([a-z_]+)\/>$/.exec(empty);
  if (!selfClosed) throw new Error(`unexpected empty requests document: ${empty}`);
  const root = selfClosed[1]!;
  return { head: `${empty.slice(0, selfClosed.index)}<${root}>`, tail: `</${root}>`, join: '' };
}

/** A page's items as the codec writes them inside the envelope. */
function innerOf(body: string, envelope: Envelope): string {
  if (!body.startsWith(envelope.head) || !body.endsWith(envelope.tail)) throw new Error('the requests codec changed its envelope');
  return body.slice(envelope.head.length, body.length - envelope.tail.length);
}

export function georeportStream(
  store: Store,
  pages: AsyncIterable<readonly PublicStoredRequest[]>,
  projection: ProjectionContext,
  format: Format,
): Readable {
  const envelope = envelopeOf(format);
  async function* encoded(): AsyncGenerator<string[]> {
    for await (const page of pages) {
      if (page.length === 0) continue;
      const events = await store.listEventsFor(page.map((r) => r.id));
      const items = page.map((r) => toExtendedRequest(r, events.get(r.id) ?? [], projection));
      yield [innerOf(encodeRequests(items, format), envelope)];
    }
  }
  return pageStream(encoded(), (inner, first) => (first ? '' : envelope.join) + inner[0]!, envelope.head, envelope.tail);
}
