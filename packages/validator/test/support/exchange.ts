/** One HTTP exchange as the test servers see it: what came in, what goes out. */

export interface FrontRequest {
  method: string;
  /** Absolute, on the front server's origin. */
  url: URL;
  /** Lower-cased names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Buffer;
}

export interface FrontAnswer {
  status: number;
  /** Lower-cased names. `content-length` is recomputed when sent. */
  headers: Record<string, string>;
  body: Buffer;
  /** Wait this long before answering (slow-server faults). */
  delayMs?: number;
}

export type FrontHandler = (request: FrontRequest) => Promise<FrontAnswer>;

export const JSON_TYPE = 'application/json; charset=utf-8';
export const XML_TYPE = 'text/xml; charset=utf-8';

export const textOf = (a: { body: Buffer }): string => a.body.toString('utf8');

export const answer = (status: number, contentType: string, body: string, headers: Record<string, string> = {}): FrontAnswer => ({
  status,
  headers: { ...headers, 'content-type': contentType },
  body: Buffer.from(body, 'utf8'),
});

/** The same answer with another body text (and optionally status and content type). */
export const withText = (a: FrontAnswer, text: string, over: { status?: number; contentType?: string } = {}): FrontAnswer => ({
  ...a,
  status: over.status ?? a.status,
  headers: { ...a.headers, ...(over.contentType === undefined ? {} : { 'content-type': over.contentType }) },
  body: Buffer.from(text, 'utf8'),
});

export const isJsonAnswer = (a: FrontAnswer): boolean => (a.headers['content-type'] ?? '').includes('json');
export const isXmlAnswer = (a: FrontAnswer): boolean => (a.headers['content-type'] ?? '').includes('xml');
