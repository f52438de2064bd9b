/**
 * Uploaded files go to disk as they arrive, never whole into memory: one
 * temporary folder per request, holding at most `maxTotalBytes` of files
 * together, removed with everything in it by `discard()` (on every path: the
 * readers call it on failure, the routes when they are done).
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { payloadTooLarge } from '@o311/georeport';
import { formatBytes } from './byte-sizes.js';

export interface SpooledFile {
  path: string;
  size: number;
}

export class UploadSpool {
  readonly #parent: string;
  readonly #maxTotalBytes: number;
  #dir: Promise<string> | undefined;
  #total = 0;
  #files = 0;

  constructor(parent: string, maxTotalBytes: number) {
    this.#parent = parent;
    this.#maxTotalBytes = maxTotalBytes;
  }

  /** Writes `stream` to a new file; a 413 once the files together pass the total cap. */
  async write(stream: Readable): Promise<SpooledFile> {
    this.#dir ??= mkdtemp(join(this.#parent, 'o311-upload-'));
    const path = join(await this.#dir, String(++this.#files));
    let size = 0;
    const counter = new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        size += chunk.length;
        this.#total += chunk.length;
        if (this.#total > this.#maxTotalBytes) {
          done(payloadTooLarge(`The media files together may be at most ${formatBytes(this.#maxTotalBytes)}.`));
        } else {
          done(null, chunk);
        }
      },
    });
    await pipeline(stream, counter, createWriteStream(path));
    return { path, size };
  }

  /** Removes the folder and every file in it; safe to call twice. */
  async discard(): Promise<void> {
    const dir = this.#dir;
    this.#dir = undefined;
    if (dir) await rm(await dir, { recursive: true, force: true });
  }
}
