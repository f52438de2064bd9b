/** Faults of the HTTP layer: media types, charset, well-formedness, speed. */
import { isJsonAnswer, isXmlAnswer, textOf, withText } from '../exchange.js';
import type { Fault, FaultSetting } from '../fault.js';
import { isGeoreport, isOneOf } from './scope.js';

const retype = (type: string) => (contentType: string): string => contentType.replace(/^[^;]+/, type);

export const jsonAsHtml: Fault = {
  name: 'json-as-html',
  description: 'JSON answers are labelled text/html',
  expectedCheck: 'http-content-type-json',
  response: (a, route) =>
    isGeoreport(route) && isJsonAnswer(a) ? withText(a, textOf(a), { contentType: retype('text/html')(a.headers['content-type'] ?? '') }) : a,
};

export const xmlAsApplicationXml: Fault = {
  name: 'xml-as-application-xml',
  description: 'XML answers are labelled application/xml instead of text/xml (FMS, 6Aika)',
  expectedCheck: 'http-content-type-text-xml',
  response: (a, route) =>
    isGeoreport(route) && isXmlAnswer(a) ? withText(a, textOf(a), { contentType: retype('application/xml')(a.headers['content-type'] ?? '') }) : a,
};

export const noCharset: Fault = {
  name: 'no-charset',
  description: 'Content-Type without charset=utf-8',
  expectedCheck: 'http-charset',
  response: (a, route) =>
    isGeoreport(route) && a.headers['content-type'] !== undefined
      ? withText(a, textOf(a), { contentType: a.headers['content-type'].replace(/;.*$/, '') })
      : a,
};

export const brokenXml: Fault = {
  name: 'broken-xml',
  description: 'services.xml is cut short (no closing root tag)',
  expectedCheck: 'http-xml-well-formed',
  alsoCaughtBy: ['services-xml'],
  response: (a, route) => (isOneOf(route, ['services']) && isXmlAnswer(a) ? withText(a, textOf(a).trimEnd().slice(0, -'</services>'.length)) : a),
};

export const slowAnswers = (setting: FaultSetting): Fault => ({
  name: 'slow-answers',
  description: `services.json answers after ${setting.slowMs} ms`,
  expectedCheck: 'perf-response-time',
  response: (a, route) => (route.resource === 'services' && route.format === 'json' ? { ...a, delayMs: setting.slowMs } : a),
});
