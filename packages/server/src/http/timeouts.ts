/**
 * How long a connection may take, so that idle sockets and bodies that never
 * finish cannot pile up until the server stops answering. Node enforces the
 * header and request deadlines on a periodic sweep; the sweep runs often enough
 * for the shortest deadline to hold (tests configure deadlines well under a second).
 */
import type { Server, ServerOptions } from 'node:http';
import type { Socket } from 'node:net';

export interface ServerTimeouts {
  /** Time to receive a request's headers (slow-loris headers), ms. */
  headersMs: number;
  /** Time to receive a whole request, headers and body (slow uploads), ms; at least `headersMs`. */
  requestMs: number;
  /** How long a keep-alive connection may wait for its next request, ms. */
  keepAliveMs: number;
  /** A socket with no traffic in either direction is closed after this long, ms. */
  idleMs: number;
  /** Requests served on one connection before it is closed (0: no limit). */
  maxRequestsPerSocket: number;
}

export const DEFAULT_TIMEOUTS: ServerTimeouts = {
  headersMs: 15_000,
  // A 10 MiB photo over a slow mobile uplink (~2 Mbit/s) takes about 45 s.
  requestMs: 60_000,
  keepAliveMs: 5_000,
  idleMs: 30_000,
  maxRequestsPerSocket: 1_000,
};

/** Fills the gaps from the defaults and checks what Node would refuse (headers after the request deadline). */
export function resolveTimeouts(given: Partial<ServerTimeouts> = {}): ServerTimeouts {
  const t: ServerTimeouts = { ...DEFAULT_TIMEOUTS, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) };
  // A short request deadline alone shortens the header deadline with it.
  if (given.headersMs === undefined) t.headersMs = Math.min(t.headersMs, t.requestMs);
  for (const [name, value] of Object.entries(t)) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`timeouts.${name} must be a whole number ≥ 0, got ${value}`);
  }
  if (t.headersMs === 0 || t.requestMs === 0) throw new RangeError('timeouts.headersMs and timeouts.requestMs must be above 0');
  if (t.headersMs > t.requestMs) throw new RangeError(`timeouts.headersMs (${t.headersMs}) must not exceed timeouts.requestMs (${t.requestMs})`);
  return t;
}

/** The Fastify (and Node http.Server) options that enforce `t`. */
export function timeoutOptions(t: ServerTimeouts) {
  return {
    connectionTimeout: t.idleMs,
    keepAliveTimeout: t.keepAliveMs,
    requestTimeout: t.requestMs,
    maxRequestsPerSocket: t.maxRequestsPerSocket,
    http: {
      headersTimeout: t.headersMs,
      connectionsCheckingInterval: Math.max(10, Math.min(1_000, Math.floor(t.headersMs / 2))),
    } satisfies ServerOptions,
  };
}

/**
 * Closes a connection that has sent nothing once the header deadline has
 * passed. Node's own idle timer (`connectionTimeout`) does not do it here: on
 * Node 20, with a request deadline and the periodic sweep both set, a socket
 * that never sends a byte stays open for good (600 such sockets once made the
 * server unreachable). Past the first byte, the header and request deadlines apply.
 */
export function closeSilentConnections(server: Server, t: ServerTimeouts): void {
  server.on('connection', (socket: Socket) => {
    const timer = setTimeout(() => {
      if (socket.bytesRead === 0) socket.destroy();
    }, t.headersMs);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
  });
}
