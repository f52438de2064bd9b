/**
 * Receiving a response body: undo its Content-Encoding (gzip, deflate, br) and keep at
 * most `maxBytes` of the decoded bytes. The cap applies after decoding, so a small
 * compressed answer cannot expand into an unbounded one.
 */
import { pipeline, type Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';

type Bytes = AsyncIterable<Buffer>;
type Stage = (source: Bytes) => Bytes;

const ignore = (): void => undefined;

/** Errors of either side reach whoever reads the returned stream. */
const through = (source: Bytes, transform: Transform): Bytes => pipeline(source, transform, ignore) as Bytes;

/** zlib-wrapped (RFC 1950, what the standard means) or raw (RFC 1951, what many servers send). */
const isZlibHeader = (b: Buffer): boolean =>
  b.length >= 2 && ((b[0] ?? 0) & 0x0f) === 8 && (((b[0] ?? 0) << 8) | (b[1] ?? 0)) % 31 === 0;

async function* inflateEither(source: Bytes): Bytes {
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done === true) return;
  const head = first.value;
  async function* replay(): Bytes {
    yield head;
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) yield next.value;
  }
  yield* through(replay(), isZlibHeader(head) ? createInflate() : createInflateRaw());
}

const DECODERS: Readonly<Record<string, Stage>> = {
  gzip: (s) => through(s, createGunzip()),
  'x-gzip': (s) => through(s, createGunzip()),
  deflate: inflateEither,
  br: (s) => through(s, createBrotliDecompress()),
  identity: (s) => s,
};

/**
 * The stages that undo `contentEncoding` (codings are listed in the order applied, so
 * they are undone last first); undefined when a coding is unknown and the body must be
 * kept as sent.
 */
export function contentDecoders(contentEncoding: string | undefined): Stage[] | undefined {
  const codings = (contentEncoding ?? '').split(',').map((c) => c.trim().toLowerCase()).filter((c) => c !== '');
  const stages: Stage[] = [];
  for (const coding of codings.reverse()) {
    const stage = DECODERS[coding];
    if (stage === undefined) return undefined;
    stages.push(stage);
  }
  return stages;
}

export interface ReceivedBody {
  bytes: Uint8Array;
  /** True when more than `maxBytes` arrived and the rest was not read. */
  truncated: boolean;
}

export async function receiveBody(source: Bytes, contentEncoding: string | undefined, maxBytes: number): Promise<ReceivedBody> {
  const decoded = (contentDecoders(contentEncoding) ?? []).reduce((s, stage) => stage(s), source);
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  for await (const chunk of decoded) {
    const room = maxBytes - size;
    if (chunk.length > room) {
      chunks.push(chunk.subarray(0, room));
      size += room;
      truncated = true;
      break;
    }
    chunks.push(chunk);
    size += chunk.length;
  }
  return { bytes: Buffer.concat(chunks, size), truncated };
}
