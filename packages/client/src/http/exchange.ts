/** One HTTP round trip as the client saw it; the validator quotes these in its reports. */

export type HttpMethod = 'GET' | 'POST';

export interface HttpRequest {
  method: HttpMethod;
  url: string;
  headers?: Record<string, string>;
  /** urlencoded text, or a multipart body built by the client (see `headers['content-type']`). */
  body?: string | Uint8Array;
}

export interface HttpResponse {
  status: number;
  /** Header names lower-cased; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Decoded as UTF-8 (with replacement characters where the bytes are not UTF-8). */
  body: string;
  /** Bytes received (after content decoding). */
  size: number;
  /** True when the body was cut at `maxBytes`. */
  truncated: boolean;
  /** True when the raw bytes were not valid UTF-8. */
  invalidUtf8: boolean;
}

export interface Exchange {
  request: HttpRequest;
  response: HttpResponse;
  /** From sending the request to the last byte of the body. */
  elapsedMs: number;
  /** Redirects followed, in order (each Location resolved to an absolute URL). */
  redirects: string[];
}

export interface TransportOptions {
  timeoutMs?: number;          // default 20 000, whole exchange
  maxBytes?: number;           // default 20 MiB
  maxRedirects?: number;       // default 5
  /** Allow loopback, private (RFC 1918, ULA), link-local, CGNAT, unspecified and other non-public targets. */
  allowPrivate?: boolean;      // default false
  userAgent?: string;
}

/** Sends one request; rejects with a {@link NetworkError} (never for an HTTP status). */
export type Transport = (request: HttpRequest, options?: TransportOptions) => Promise<Exchange>;
