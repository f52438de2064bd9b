/** Faults of error handling: statuses, error documents, missing 404s, an api_key not checked. */
import { answer, isXmlAnswer, JSON_TYPE, textOf, withText, XML_TYPE, type FrontAnswer, type FrontRequest } from '../exchange.js';
import type { Fault, FaultSetting } from '../fault.js';
import { escapeXml, isObject, unescapeXml, type Json } from '../rewrite.js';
import { isError, isGeoreport } from './scope.js';

/** The descriptions of an o311 error body, as plain text. */
function descriptionsOf(a: FrontAnswer): string[] {
  const text = textOf(a);
  if (!isXmlAnswer(a)) {
    const doc = JSON.parse(text) as Json;
    return Array.isArray(doc) ? doc.flatMap((e) => (isObject(e) && typeof e.description === 'string' ? [e.description] : [])) : [];
  }
  return [...text.matchAll(/<description>([^<]*)<\/description>/g)].map((m) => unescapeXml(m[1] ?? ''));
}

/** Every check that expects a 4xx status somewhere: a fault on all error statuses trips them all. */
const ERROR_STATUS_CHECKS = [
  'errors-unknown-service', 'errors-unknown-request', 'errors-unknown-token', 'errors-bad-date', 'errors-bad-status',
  'post-missing-api-key', 'post-invalid-api-key', 'post-unknown-service', 'post-missing-service-code', 'post-missing-location',
  'post-lone-lat', 'post-missing-required-attribute', 'post-bad-list-value',
] as const;

const besides = (id: string): string[] => ERROR_STATUS_CHECKS.filter((c) => c !== id);

export const errorsAs200: Fault = {
  name: 'errors-as-200',
  description: 'error answers keep their error body but carry HTTP 200',
  expectedCheck: 'errors-unknown-request',
  alsoCaughtBy: besides('errors-unknown-request'),
  response: (a, route) => (isGeoreport(route) && isError(a.status) ? { ...a, status: 200 } : a),
};

export const errorsAs500: Fault = {
  name: 'errors-as-500',
  description: 'every 4xx answer becomes HTTP 500',
  expectedCheck: 'http-no-server-errors',
  alsoCaughtBy: ERROR_STATUS_CHECKS,
  response: (a, route) => (isGeoreport(route) && isError(a.status) ? { ...a, status: 500 } : a),
};

export const errorBodyNotSpec: Fault = {
  name: 'error-body-not-spec',
  description: 'error bodies are {"message":…} and a bare <error>text</error> (Boston, codeforamerica)',
  expectedCheck: 'errors-document-json',
  alsoCaughtBy: ['errors-document-xml'],
  response: (a, route) => {
    if (!isGeoreport(route) || !isError(a.status)) return a;
    const message = descriptionsOf(a).join('; ') || 'error';
    return isXmlAnswer(a)
      ? withText(a, `<?xml version="1.0" encoding="utf-8"?><error>${escapeXml(message)}</error>`)
      : withText(a, JSON.stringify({ message }));
  },
};

export const unknownServiceAnswered: Fault = {
  name: 'unknown-service-200',
  description: 'services/{unknown}.{fmt} answers 200 with an empty definition instead of 404',
  expectedCheck: 'errors-unknown-service',
  response: (a, route) => {
    if (route.resource !== 'definition' || a.status !== 404 || route.param === null) return a;
    const code = route.param;
    return route.format === 'xml'
      ? answer(200, XML_TYPE, `<?xml version="1.0" encoding="utf-8"?><service_definition><service_code>${escapeXml(code)}</service_code><attributes></attributes></service_definition>`)
      : answer(200, JSON_TYPE, JSON.stringify({ service_code: code, attributes: [] }));
  },
};

export const unknownRequestAnswered: Fault = {
  name: 'unknown-request-200',
  description: 'requests/{unknown}.{fmt} answers 200 with an empty list instead of 404',
  expectedCheck: 'errors-unknown-request',
  response: (a, route) => {
    if (route.resource !== 'request' || a.status !== 404) return a;
    return route.format === 'xml'
      ? answer(200, XML_TYPE, '<?xml version="1.0" encoding="utf-8"?><service_requests></service_requests>')
      : answer(200, JSON_TYPE, '[]');
  },
};

/** The urlencoded body with one field set. */
function withField(request: FrontRequest, name: string, value: string): FrontRequest {
  const form = new URLSearchParams(request.body.toString('utf8'));
  form.set(name, value);
  const body = Buffer.from(form.toString(), 'utf8');
  return { ...request, headers: { ...request.headers, 'content-length': String(body.length) }, body };
}

export const apiKeyIgnored = (setting: FaultSetting): Fault => ({
  name: 'api-key-ignored',
  description: 'a POST with a wrong api_key is accepted',
  expectedCheck: 'post-invalid-api-key',
  request: (r, route) => {
    if (route.resource !== 'submit') return r;
    const key = new URLSearchParams(r.body.toString('utf8')).get('api_key');
    return key !== null && key !== setting.apiKey ? withField(r, 'api_key', setting.apiKey) : r;
  },
});

export const locationNotRequired: Fault = {
  name: 'location-not-required',
  description: 'a POST without lat/long, address_string or address_id is accepted',
  expectedCheck: 'post-missing-location',
  request: (r, route) => {
    if (route.resource !== 'submit') return r;
    const form = new URLSearchParams(r.body.toString('utf8'));
    const located = ['lat', 'long', 'address_string', 'address_id'].some((k) => form.has(k));
    return located ? r : withField(r, 'address_string', '1 Nowhere Street');
  },
};
