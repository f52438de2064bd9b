/**
 * Uploads cost nothing until the key is known: a multipart POST whose key is
 * bad or missing is answered before its files are read (the client here sends
 * the first MiB of a 9 MiB file and no more, so an answer only comes from a
 * server that does not wait for the file). Files are spooled to
 * disk under a total cap and removed after, and stored without metadata.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test-support/databases.js';
import { png, pngChunk } from '../../../test-support/images.js';
import { startServer, type Server } from './support/fixture.js';
import { expectJsonError, postMultipart, type Answer } from './support/http.js';

const BOUNDARY = 'o311-upload-test';
const MiB = 1024 * 1024;

const fieldPart = (name: string, value: string): string =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const fileHead = (name: string, filename: string): string =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: image/jpeg\r\n\r\n`;

/**
 * POSTs `head` and then the first MiB of a file announced (Content-Length) as
 * `fileBytes`, and never the rest: a server that reads the whole file before
 * answering never answers, and the test times out.
 */
function postWithFileHeldBack(url: string, head: string, fileBytes: number): Promise<Answer> {
  const tail = `\r\n--${BOUNDARY}--\r\n`;
  const length = Buffer.byteLength(head) + fileBytes + Buffer.byteLength(tail);
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'content-length': String(length) },
    }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => {
        const headers = new Headers(Object.entries(res.headers).map(([k, v]) => [k, String(v)] as [string, string]));
        resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'] ?? null, headers, body });
        req.destroy();
      });
    });
    req.on('error', (e: NodeJS.ErrnoException) => {
      // The server may close the connection while the client is still writing.
      if (e.code !== 'ECONNRESET' && e.code !== 'EPIPE') reject(e);
    });
    req.write(head);
    req.write(Buffer.alloc(MiB, 0xab));
  });
}

describe.each(dialects)('uploads (%s)', (dialect) => {
  let s: Server;
  let uploadDir: string;
  const spooled = async (): Promise<string[]> => readdir(uploadDir);
  const report = (media: [Buffer, string][]): FormData => {
    const fd = new FormData();
    fd.append('api_key', s.keys.plain);
    fd.append('service_code', 'trash.bulk');
    fd.append('address_string', '1 Main St');
    for (const [bytes, name] of media) fd.append('media', new Blob([bytes], { type: 'image/png' }), name);
    return fd;
  };

  beforeAll(async () => {
    uploadDir = await mkdtemp(join(tmpdir(), 'o311-uploads-test-'));
    s = await startServer(dialect, { options: { uploadDir, mediaTotalLimitBytes: 200 * 1024 } });
  });
  afterAll(async () => {
    await s.close();
    await rm(uploadDir, { recursive: true, force: true });
  });

  it('answers a bad key with 403 before reading the file, and keeps nothing', async () => {
    const head = fieldPart('api_key', 'not-a-key') + fieldPart('service_code', 'trash.bulk') + fileHead('media', 'big.jpg');
    const answer = await postWithFileHeldBack(`${s.url}/open311/v2/requests.json`, head, 9 * MiB);
    expectJsonError(answer, 403);
    expect(answer.headers.get('connection')).toBe('close'); // the rest of the body is not read
    expect(await spooled()).toEqual([]);
  });

  it('answers a key sent after the files with 403 and a clear message, before reading them', async () => {
    const head = fieldPart('service_code', 'trash.bulk') + fileHead('media', 'big.jpg');
    const answer = await postWithFileHeldBack(`${s.url}/open311/v2/requests.json`, head, 9 * MiB);
    expect(expectJsonError(answer, 403)[0]?.description).toMatch(/api_key is required before the files/);
    expect(await spooled()).toEqual([]);
  });

  it('answers an unknown service with 404 before reading the file', async () => {
    const head = fieldPart('api_key', s.keys.plain) + fieldPart('service_code', 'no-such-service') + fileHead('media', 'big.jpg');
    const answer = await postWithFileHeldBack(`${s.url}/open311/v2/requests.json`, head, 9 * MiB);
    expectJsonError(answer, 404);
    expect(await spooled()).toEqual([]);
  });

  it('caps the files of one request together (413), each being under the per-file limit, and keeps nothing', async () => {
    const big = png(1, 1, [pngChunk('tEXt', Buffer.alloc(120 * 1024, 0x61))]);
    const a = await postMultipart(`${s.url}/open311/v2/requests.json`, report([[big, 'a.png'], [big, 'b.png']]));
    expect(expectJsonError(a, 413)[0]?.description).toMatch(/media files together may be at most 200 KiB/);
    expect(await spooled()).toEqual([]);
  });

  it('refuses a decompression bomb (20000×20000 PNG) with 413', async () => {
    const a = await postMultipart(`${s.url}/open311/v2/requests.json`, report([[png(20_000, 20_000), 'bomb.png']]));
    expect(expectJsonError(a, 413)[0]?.description).toMatch(/20000×20000 pixels/);
    expect(await spooled()).toEqual([]);
  });

  it('stores an accepted photo without its text metadata, and removes the spooled file', async () => {
    const withAuthor = png(1, 1, [pngChunk('tEXt', Buffer.from('Author\0Jane Doe, 12 Elm St', 'latin1'))]);
    const a = await postMultipart(`${s.url}/open311/v2/requests.json`, report([[withAuthor, 'hole.png']]));
    expect(a.status, a.body).toBe(200);
    const id = (JSON.parse(a.body) as { service_request_id: string }[])[0]!.service_request_id;
    const r = await fetch(`${s.url}/open311/v2/requests/${id}.json`);
    const mediaUrl = ((await r.json()) as { media_url: string }[])[0]!.media_url;
    const stored = Buffer.from(await (await fetch(mediaUrl)).arrayBuffer());
    expect(stored.equals(png(1, 1))).toBe(true);
    expect(await spooled()).toEqual([]);
  });
});
