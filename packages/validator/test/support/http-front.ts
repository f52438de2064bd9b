/**
 * A loopback HTTP server whose answers come from a function: the front of the
 * fault server (o311 behind it, answers transformed) and of the fixture server
 * (saved real responses).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { answer, type FrontAnswer, type FrontHandler, type FrontRequest } from './exchange.js';

export interface HttpFront {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** Replaces the handler (answers to requests already under way are unaffected). */
  handle(handler: FrontHandler): void;
  close(): Promise<void>;
}

async function readRequest(req: IncomingMessage, origin: string): Promise<FrontRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { method: req.method ?? 'GET', url: new URL(req.url ?? '/', origin), headers, body: Buffer.concat(chunks) };
}

async function writeAnswer(res: ServerResponse, a: FrontAnswer): Promise<void> {
  if (a.delayMs) await sleep(a.delayMs);
  const headers: Record<string, string> = { ...a.headers, 'content-length': String(a.body.length) };
  delete headers['transfer-encoding'];
  delete headers.connection;
  res.writeHead(a.status, headers);
  res.end(a.body);
}

const crashAnswer = (e: unknown): FrontAnswer =>
  answer(599, 'text/plain; charset=utf-8', `test server failure: ${e instanceof Error ? e.message : String(e)}`);

export async function startHttpFront(initial: FrontHandler): Promise<HttpFront> {
  let handler = initial;
  let origin = '';
  const server = createServer((req, res) => {
    void (async () => {
      let a: FrontAnswer;
      try {
        a = await handler(await readRequest(req, origin));
      } catch (e) {
        a = crashAnswer(e);
      }
      await writeAnswer(res, a);
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    handle(next) {
      handler = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
