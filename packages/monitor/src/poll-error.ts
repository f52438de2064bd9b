/**
 * Why a poll failed, as one of the store's POLL_ERROR_KINDS and a bounded
 * message, from whatever the client SDK threw. A TLS failure reaches us as a
 * NetworkError `connection` whose cause carries OpenSSL's or Node's code.
 */
import { NetworkError, Open311Error, ResponseReadError, type NetworkErrorKind } from '@o311/client';
import { MAX_MONITOR_TEXT, type PollErrorKind } from '@o311/store';

export interface PollFailure {
  kind: PollErrorKind;
  message: string;
  /** The HTTP status, when an answer came. */
  status: number | null;
  /** Until the answer was read, when one came. */
  latencyMs: number | null;
}

const NETWORK_KINDS: Readonly<Record<NetworkErrorKind, PollErrorKind>> = {
  timeout: 'timeout',
  dns: 'dns',
  connection: 'connection',
  'private-address': 'refused',
  'bad-url': 'refused',
  // A 2xx answer too large to be a service list we would read.
  'too-large': 'malformed',
  // The answers were HTTP redirects, none of them a list.
  'too-many-redirects': 'http',
};

/** Node's (ERR_TLS_*, ERR_SSL_*) and OpenSSL's certificate codes. */
const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH|EPROTO$)/;
/** How deep the cause chain is searched. */
const MAX_CAUSES = 5;

function isTlsFailure(err: unknown): boolean {
  let at: unknown = err;
  for (let depth = 0; depth < MAX_CAUSES && at instanceof Error; depth++) {
    const code = (at as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && TLS_CODE.test(code)) return true;
    at = at.cause;
  }
  return false;
}

/** Cut to what the store keeps. */
export const clip = (text: string): string => (text.length <= MAX_MONITOR_TEXT ? text : `${text.slice(0, MAX_MONITOR_TEXT - 1)}…`);

export function pollFailure(err: unknown): PollFailure {
  const message = clip(err instanceof Error ? err.message : String(err));
  if (err instanceof NetworkError) {
    const kind = err.kind === 'connection' && isTlsFailure(err.cause) ? 'tls' : NETWORK_KINDS[err.kind];
    return { kind, message, status: null, latencyMs: null };
  }
  if (err instanceof Open311Error) {
    return { kind: 'http', message, status: err.status, latencyMs: err.exchange.elapsedMs };
  }
  if (err instanceof ResponseReadError) {
    return { kind: 'malformed', message, status: err.exchange.response.status, latencyMs: err.exchange.elapsedMs };
  }
  // Anything else came from reading a body no reader foresaw.
  return { kind: 'malformed', message, status: null, latencyMs: null };
}

/** A failure decided before asking anything. */
export const refusal = (message: string): PollFailure => ({ kind: 'refused', message: clip(message), status: null, latencyMs: null });
