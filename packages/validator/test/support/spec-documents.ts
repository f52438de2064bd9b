/** Small spec-shaped documents the fixture server writes itself: discovery and errors (digest §2, §11). */
import { answer, JSON_TYPE, XML_TYPE, type FrontAnswer } from './exchange.js';
import type { Format } from './georeport-route.js';
import { escapeXml } from './rewrite.js';

const MIME: Record<Format, string> = { xml: 'text/xml', json: 'application/json' };
const XML_PROLOG = '<?xml version="1.0" encoding="utf-8"?>';
const CHANGESET = '2012-05-23T00:00:00Z';

export function discoveryAnswer(format: Format, o: { baseUrl: string; contact: string; formats: readonly Format[] }): FrontAnswer {
  const endpoint = {
    specification: 'http://wiki.open311.org/GeoReport_v2',
    url: o.baseUrl,
    changeset: CHANGESET,
    type: 'production',
    formats: o.formats.map((f) => MIME[f]),
  };
  const doc = { changeset: CHANGESET, contact: o.contact, key_service: 'Keys are not issued: a read-only replay of saved responses.', endpoints: [endpoint] };
  if (format === 'json') return answer(200, JSON_TYPE, JSON.stringify(doc));
  const leaf = (name: string, text: string): string => `<${name}>${escapeXml(text)}</${name}>`;
  const xml =
    `${XML_PROLOG}<discovery>${leaf('changeset', doc.changeset)}${leaf('contact', doc.contact)}${leaf('key_service', doc.key_service)}` +
    `<endpoints><endpoint>${leaf('specification', endpoint.specification)}${leaf('url', endpoint.url)}${leaf('changeset', endpoint.changeset)}` +
    `${leaf('type', endpoint.type)}<formats>${endpoint.formats.map((f) => leaf('format', f)).join('')}</formats></endpoint></endpoints></discovery>`;
  return answer(200, XML_TYPE, xml);
}

export function errorAnswer(format: Format | null, status: number, description: string): FrontAnswer {
  if (format === 'xml') {
    return answer(status, XML_TYPE, `${XML_PROLOG}<errors><error><code>${status}</code><description>${escapeXml(description)}</description></error></errors>`);
  }
  return answer(status, JSON_TYPE, JSON.stringify([{ code: status, description }]));
}
