/**
 * An HTTP relay on 127.0.0.1 in front of a real server, for delivery tests:
 * it passes calls through, plays dead (closes every connection at once), or
 * loses the answer of the next POST (the upstream does the work, the caller
 * sees its connection reset). Counts the POSTs that reached the server. (Test support.)
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** `lose-post-answers` loses the answer of every POST while set; `lose-next-post-answer` of the next one only. */
export type SwitchMode = 'pass' | 'down' | 'lose-next-post-answer' | 'lose-post-answers';

export interface Switchboard {
  /** `http://127.0.0.1:PORT` */
  url: string;
  mode: SwitchMode;
  /** POSTs handed to the server so far. */
  posts: number;
  /** Idempotency-Key headers of those POSTs, in order (absent: ''). */
  idempotencyKeys: string[];
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startSwitchboard(target: string): Promise<Switchboard> {
  const board: Switchboard = { url: '', mode: 'pass', posts: 0, idempotencyKeys: [], close: async () => undefined };
  const server = createServer(async (request, response) => {
    if (board.mode === 'down') {
      request.socket.destroy();
      return;
    }
    const body = await bodyOf(request);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (!HOP_BY_HOP.has(name) && typeof value === 'string') headers[name] = value;
    }
    if (request.method === 'POST') {
      board.posts += 1;
      board.idempotencyKeys.push(headers['idempotency-key'] ?? '');
    }
    const answer = await fetch(`${target}${request.url ?? '/'}`, {
      method: request.method ?? 'GET',
      headers,
      ...(body.length > 0 && { body }),
    });
    const text = Buffer.from(await answer.arrayBuffer());
    if (request.method === 'POST' && (board.mode === 'lose-next-post-answer' || board.mode === 'lose-post-answers')) {
      if (board.mode === 'lose-next-post-answer') board.mode = 'pass';
      response.socket?.destroy();
      return;
    }
    const out: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (!HOP_BY_HOP.has(name) && name !== 'content-encoding') out[name] = value;
    });
    response.writeHead(answer.status, out).end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  board.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  board.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return board;
}
