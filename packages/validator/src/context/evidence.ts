/** Evidence excerpts: what was asked and the start of what came back, with api keys masked. */
import type { Exchange } from '@o311/client';
import type { Evidence } from '../check.js';
import type { FetchFailure } from './fetcher.js';

export const BODY_EXCERPT = 600;
const REQUEST_BODY_EXCERPT = 400;
const REQUEST_HEADERS = ['content-type', 'accept-encoding', 'accept'];
const RESPONSE_HEADERS = ['content-type', 'content-encoding', 'location'];

/** Masks api_key values in a URL or form body. */
export const redact = (s: string): string => s.replace(/(^|[?&])(api_key=)[^&]*/g, '$1$2***');

const cut = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max)}… (${s.length} characters)` : s);

const headerLines = (headers: Record<string, string> | undefined, names: readonly string[]): string[] =>
  names.flatMap((n) => {
    const v = headers?.[n];
    return v === undefined ? [] : [`${n}: ${v}`];
  });

function requestExcerpt(request: Exchange['request']): string {
  const lines = [`${request.method} ${redact(request.url)}`, ...headerLines(request.headers, REQUEST_HEADERS)];
  if (typeof request.body === 'string' && request.body !== '') lines.push('', cut(redact(request.body), REQUEST_BODY_EXCERPT));
  else if (request.body instanceof Uint8Array) lines.push('', `(${request.body.byteLength} bytes)`);
  return lines.join('\n');
}

export function evidenceOf(source: Exchange | FetchFailure): Evidence {
  if ('message' in source) {
    return { request: requestExcerpt(source.request), response: `(no response: ${source.message})` };
  }
  const { response } = source;
  const lines = [`HTTP ${response.status}`, ...headerLines(response.headers, RESPONSE_HEADERS)];
  if (source.redirects.length > 0) lines.push(`(after redirects: ${source.redirects.map(redact).join(' → ')})`);
  lines.push('', cut(response.body, BODY_EXCERPT));
  return { request: requestExcerpt(source.request), response: lines.join('\n') };
}
