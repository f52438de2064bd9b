/** Small fetch helpers for the integration tests. */
import { expect } from 'vitest';

export const XML_TYPE = 'text/xml; charset=utf-8';
export const JSON_TYPE = 'application/json; charset=utf-8';
export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

export interface Answer {
  status: number;
  type: string | null;
  headers: Headers;
  body: string;
}

export async function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(url, { headers });
  return { status: res.status, type: res.headers.get('content-type'), headers: res.headers, body: await res.text() };
}

/** POST an urlencoded body given as a raw string (so tests control the encoding exactly). */
export async function postForm(url: string, body: string, contentType = 'application/x-www-form-urlencoded'): Promise<Answer> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });
  return { status: res.status, type: res.headers.get('content-type'), headers: res.headers, body: await res.text() };
}

export async function postMultipart(url: string, form: FormData): Promise<Answer> {
  const res = await fetch(url, { method: 'POST', body: form });
  return { status: res.status, type: res.headers.get('content-type'), headers: res.headers, body: await res.text() };
}

export const form = (fields: Record<string, string | string[]>): string =>
  Object.entries(fields)
    .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${encodeURIComponent(k)}=${encodeURIComponent(x)}`))
    .join('&');

export function json<T = unknown>(a: Answer): T {
  expect(a.type).toBe(JSON_TYPE);
  return JSON.parse(a.body) as T;
}

export interface ErrorItem {
  code: number;
  description: string;
}

/** Asserts an Open311 error answer in JSON; returns the items. */
export function expectJsonError(a: Answer, status: number): ErrorItem[] {
  expect(a.status, a.body).toBe(status);
  expect(a.type).toBe(JSON_TYPE);
  const items = JSON.parse(a.body) as ErrorItem[];
  expect(Array.isArray(items)).toBe(true);
  expect(items.length).toBeGreaterThan(0);
  for (const item of items) {
    expect(item.code).toBe(status);
    expect(typeof item.description).toBe('string');
  }
  expect(a.body).not.toMatch(/\bat .+:\d+:\d+/); // no stack trace
  return items;
}

/** Asserts an Open311 error answer in XML; returns the descriptions. */
export function expectXmlError(a: Answer, status: number): string[] {
  expect(a.status, a.body).toBe(status);
  expect(a.type).toBe(XML_TYPE);
  expect(a.body.startsWith(XML_DECLARATION)).toBe(true);
  expect(a.body).toContain('<errors><error>');
  expect(a.body).toContain(`<code>${status}</code>`);
  return [...a.body.matchAll(/<description>([^<]*)<\/description>/g)].map((m) => m[1] ?? '');
}
