/** Small images built byte by byte for the upload and metadata tests. */
import { deflateSync } from 'node:zlib';
import { pngChunk } from '../packages/server/src/media/strip-metadata.js';

export { pngChunk };

/** A PNG of the given size (one row of image data: enough for the header checks) with optional extra chunks. */
export function png(width: number, height: number, extra: Buffer[] = []): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    pngChunk('IHDR', ihdr),
    ...extra,
    pngChunk('IDAT', deflateSync(Buffer.from([0, 200, 30, 30]))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
