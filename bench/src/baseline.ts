/**
 * The ceiling for a read benchmark: bare node:http answering every request with
 * the same bytes from memory. Run as its own process so it gets a core like the server.
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const [file, contentType] = process.argv.slice(2);
if (!file || !contentType) {
  process.stderr.write('usage: baseline FILE CONTENT_TYPE\n');
  process.exit(2);
}
const body = readFileSync(file);
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': contentType, 'content-length': body.length });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') process.stdout.write(`${address.port}\n`);
});
