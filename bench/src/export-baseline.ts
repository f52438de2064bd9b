/**
 * The ceiling for a streamed export: bare node:http answering every request
 * with BYTES bytes made of SAMPLE's bytes over and over, written with
 * backpressure as a file download would be. Its own process, like the server.
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { once } from 'node:events';

const [file, total, contentType] = process.argv.slice(2);
const bytes = Number(total);
if (!file || !contentType || !Number.isInteger(bytes) || bytes < 1) {
  process.stderr.write('usage: export-baseline SAMPLE BYTES CONTENT_TYPE\n');
  process.exit(2);
}
const sample = readFileSync(file);
const server = createServer(async (_req, res) => {
  res.writeHead(200, { 'content-type': contentType, 'content-length': bytes });
  let left = bytes;
  while (left > 0) {
    const chunk = left >= sample.length ? sample : sample.subarray(0, left);
    left -= chunk.length;
    if (!res.write(chunk)) await once(res, 'drain');
  }
  res.end();
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') process.stdout.write(`${address.port}\n`);
});
