/** Sends a rendered page with the headers every HTML answer of o311 carries. */
import type { FastifyReply } from 'fastify';

export interface SendPageOptions {
  status?: number;
  /** Origins of map tiles, allowed as image sources. */
  imageOrigins?: readonly string[];
  /** Instead of no-store, for a page that holds nothing personal and must come back as it was on Back (the report form's one-time token). */
  cacheControl?: string;
}

export function sendPage(reply: FastifyReply, body: string, options: SendPageOptions = {}): FastifyReply {
  const images = ["'self'", 'data:', 'blob:', ...(options.imageOrigins ?? [])].join(' ');
  return reply
    .status(options.status ?? 200)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', options.cacheControl ?? 'no-store')
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'same-origin')
    .header('x-frame-options', 'DENY')
    .header(
      'content-security-policy',
      `default-src 'self'; img-src ${images}; style-src 'self'; script-src 'self'; connect-src 'self'; ` +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    )
    .send(body);
}
