/** Tiny node:http servers for the transport, retry and paging tests; each counts what it received. */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  method: string;
  url: URL;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** May return anything (e.g. `res.end()`); a returned promise is awaited. */
export type Handler = (req: Received, res: ServerResponse) => unknown;

export interface FakeServer {
  /** `http://HOST:PORT` (no trailing slash). */
  origin: string;
  port: number;
  received: Received[];
  close(): Promise<void>;
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startFakeServer(handler: Handler, host = '127.0.0.1'): Promise<FakeServer> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    void (async () => {
      const r: Received = {
        method: req.method ?? 'GET',
        url: new URL(req.url ?? '/', `http://${host}`),
        headers: req.headers,
        body: await readAll(req),
      };
      received.push(r);
      try {
        await handler(r, res);
      } catch (err) {
        if (!res.headersSent) res.writeHead(500);
        res.end(String(err));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    port,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}
