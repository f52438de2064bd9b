/**
 * A webhook receiver on loopback for the request and monitor webhooks' tests: it checks
 * each POST's signature with the subscriber's secret the way the README tells
 * receivers to (node:crypto only), records it, and answers the statuses
 * queued for its path, then 200.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The signature matched the secret set for the path, within 5 minutes. */
  verified: boolean;
  status: number;
}

/** The README's `verified` ("Webhooks"), line for line, with the clock as a parameter. */
export function verify(secret: string, header: string, rawBody: string, nowMs: number, toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries(String(header).split(',').map((p) => p.split('='))) as Record<string, string | undefined>;
  if (!/^\d+$/.test(parts.t ?? '') || Math.abs(nowMs / 1000 - Number(parts.t)) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${parts.t}.${rawBody}`).digest();
  const given = Buffer.from(parts.v1 ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface WebhookReceiver {
  url(path: string): string;
  received: Received[];
  /** Statuses each path answers, in order, before 200. */
  answers: Map<string, number[]>;
  /** The secret each path's signatures are checked with. */
  secrets: Map<string, string>;
  /** The clock signatures are checked against (the server's). */
  now: () => number;
  close(): Promise<void>;
}

export async function startWebhookReceiver(now: () => number = Date.now): Promise<WebhookReceiver> {
  const received: Received[] = [];
  const answers = new Map<string, number[]>();
  const secrets = new Map<string, string>();
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      const path = req.url ?? '/';
      const secret = secrets.get(path);
      const signature = String(req.headers['x-o311-signature'] ?? '');
      const status = answers.get(path)?.shift() ?? 200;
      received.push({ path, headers: req.headers, body, verified: secret !== undefined && verify(secret, signature, body, receiver.now()), status });
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'thanks' : `failed \u001b[31m${status}\u0000`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const receiver: WebhookReceiver = {
    url: (path) => `${origin}${path}`,
    received,
    answers,
    secrets,
    now,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return receiver;
}
