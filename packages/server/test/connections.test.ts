/**
 * Connections cannot be held open for free: a body that never finishes, a
 * connection that never sends a request and an idle keep-alive connection are
 * closed after the (here very short) configured deadlines. Requests Node itself
 * refuses get the standard's error body. No time is asserted: each test waits
 * for the server to act, bounded by the test's own timeout.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Server } from './support/fixture.js';

interface Exchange {
  /** Everything the server sent before it closed the connection. */
  received: string;
}

/**
 * Opens a raw connection, sends the first chunk, each further chunk once the
 * server has answered something, and resolves once the server has closed it.
 */
function untilClosed(url: string, chunks: string[]): Promise<Exchange> {
  const { hostname, port } = new URL(url);
  const pending = [...chunks];
  return new Promise((resolve, reject) => {
    let received = '';
    const socket: Socket = connect(Number(port), hostname, () => socket.write(pending.shift() ?? ''));
    socket.setEncoding('utf8').on('data', (d: string) => {
      received += d;
      const next = pending.shift();
      if (next !== undefined) socket.write(next);
    });
    socket.on('error', reject).on('close', () => resolve({ received }));
  });
}

const statusOf = (raw: string): number => Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1] ?? 0);
const bodyOf = (raw: string): string => raw.slice(raw.indexOf('\r\n\r\n') + 4);

describe('connection deadlines (sqlite)', () => {
  let s: Server;
  beforeAll(async () => {
    s = await startServer('sqlite', {
      options: { timeouts: { headersMs: 300, requestMs: 600, keepAliveMs: 200, idleMs: 2_000, maxRequestsPerSocket: 2 } },
    });
  });
  afterAll(() => s.close());

  it('cuts off a body that never finishes (slow loris) with a 408 in the standard shape', async () => {
    const head = `POST /open311/v2/requests.json HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n`;
    const { received } = await untilClosed(s.url, [`${head}api_key=`]);
    expect(statusOf(received)).toBe(408);
    expect(JSON.parse(bodyOf(received))).toEqual([{ code: 408, description: 'The request was not received in time.' }]);
  });

  it('closes a connection that never sends its headers', async () => {
    const { received } = await untilClosed(s.url, ['GET /open311/v2/services.xml HTTP/1.1\r\nHost: 127.0.0.1\r\n']);
    expect([0, 408]).toContain(statusOf(received));
  });

  it('closes a connection that never sends a byte', async () => {
    const { received } = await untilClosed(s.url, []);
    // Closed at the header deadline, silently by our timer or with Node's own 408 when its connection check
    // comes first (which one wins depends on the machine's load): either way nothing else is answered.
    expect(received === '' || statusOf(received) === 408, received).toBe(true);
  });

  it('closes an idle keep-alive connection after its request', async () => {
    const { received } = await untilClosed(s.url, ['GET /open311/v2/services.json HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n']);
    expect(statusOf(received)).toBe(200);
    expect(received).toMatch(/connection: keep-alive/i);
  });

  it('closes a connection after its last allowed request', async () => {
    const get = 'GET /open311/v2/services.json HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n';
    const { received } = await untilClosed(s.url, [get, get]);
    expect(received.match(/HTTP\/1\.1 200 /g)).toHaveLength(2);
    expect(received).toMatch(/connection: close/i);
  });
});

describe('requests Node refuses (sqlite)', () => {
  let s: Server;
  beforeAll(async () => {
    s = await startServer('sqlite');
  });
  afterAll(() => s.close());

  it('answers oversized headers under /open311 with a 431 error document in the path\'s format', async () => {
    const big = 'x'.repeat(20_000);
    const { received } = await untilClosed(s.url, [`GET /open311/v2/services.xml HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${big}\r\n\r\n`]);
    expect(statusOf(received)).toBe(431);
    expect(received).toMatch(/content-type: text\/xml; charset=utf-8/i);
    expect(bodyOf(received)).toContain('<errors><error><code>431</code>');
  });

  it('answers a malformed request with a 400 error document', async () => {
    const { received } = await untilClosed(s.url, ['GET /open311/v2/services.json HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n']);
    expect(statusOf(received)).toBe(400);
    expect(JSON.parse(bodyOf(received))).toEqual([{ code: 400, description: 'The HTTP request is malformed.' }]);
  });
});
