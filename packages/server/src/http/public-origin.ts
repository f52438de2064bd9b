/**
 * Where absolute links point (discovery, media URLs, paging `Link` headers,
 * e-mails, feeds): the configured public URL, or else only a host this server
 * was started for. A request's `Host` header is anyone's to write, so it never
 * decides a link on its own: with a foreign Host the links use the start-up
 * origin instead (a follow mail must not send a victim to http://evil.example/).
 */
import { hostname, networkInterfaces } from 'node:os';
import type { AddressInfo } from 'node:net';
import type { FastifyRequest } from 'fastify';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const ANY_ADDRESS = new Set(['0.0.0.0', '::']);

const isLoopback = (address: string): boolean => address === '::1' || address.startsWith('127.');
const hostOf = (address: string): string => (address.includes(':') ? `[${address}]` : address);

interface Bound {
  /** `host:port` values (lower case) a request may name to get links to itself. */
  hosts: ReadonlySet<string>;
  /** The origin used when the request names another host. */
  origin: string;
}

/** The hosts a server listening on `address` answers to by name, and the origin to announce. */
export function boundHosts(address: AddressInfo): Bound {
  const port = address.port;
  const withPort = (h: string): string => `${h}:${port}`.toLowerCase();
  if (!ANY_ADDRESS.has(address.address) && !isLoopback(address.address)) {
    const own = withPort(hostOf(address.address));
    return { hosts: new Set([own]), origin: `http://${own}` };
  }
  const names = [...LOOPBACK_NAMES];
  if (ANY_ADDRESS.has(address.address)) {
    // Bound to every interface: each interface's address, and the machine's name.
    for (const list of Object.values(networkInterfaces())) {
      for (const i of list ?? []) names.push(hostOf(i.address));
    }
    names.push(hostname());
  }
  return { hosts: new Set(names.map(withPort)), origin: `http://localhost:${port}` };
}

export class PublicOrigin {
  readonly #configured: string | undefined;
  #bound: Bound | undefined;

  constructor(configured: string | undefined) {
    this.#configured = configured?.replace(/\/+$/, '') || undefined;
  }

  /** True when links come from `--public-url` / `publicUrl`, not from the listening address. */
  get configured(): boolean {
    return this.#configured !== undefined;
  }

  /** Told once the server listens (the `onListen` hook). */
  listening(address: AddressInfo): void {
    this.#bound = boundHosts(address);
  }

  /** The origin links use when a request names no trusted host (no trailing slash). */
  get announced(): string {
    return this.#configured ?? this.#bound?.origin ?? 'http://localhost';
  }

  /** Whether `host` (a Host header value) is one this server was started for. */
  trusts(host: string): boolean {
    const h = host.toLowerCase();
    if (this.#bound) return this.#bound.hosts.has(h);
    // Not listening (requests injected in tests): only loopback names, on any port.
    return LOOPBACK_NAMES.some((name) => h === name || (h.startsWith(`${name}:`) && /^\d+$/.test(h.slice(name.length + 1))));
  }

  /** The absolute base (no trailing slash) for links in the answer to `request`. */
  of(request: FastifyRequest): string {
    return this.forHost(request.host, request.protocol);
  }

  /** The same, from a request's Host header and protocol, for a request Fastify has not seen (http/cache-hits-first.ts). */
  forHost(host: unknown, protocol: string): string {
    if (this.#configured) return this.#configured;
    // An HTTP/1.0 request may come without any Host header.
    return typeof host === 'string' && this.trusts(host) ? `${protocol}://${host.toLowerCase()}` : this.announced;
  }
}
