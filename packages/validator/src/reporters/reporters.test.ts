import { describe, expect, it } from 'vitest';
import { parseXml, type XmlElement } from '../raw/xml-parser.js';
import type { CheckResult, ValidationReport } from '../run.js';
import { formatReport } from './index.js';

const HOSTILE = 'body <script>alert("x")</script> & \u0001 \'quoted\' ]]> \uD800';

const result = (over: Partial<CheckResult>): CheckResult => ({
  id: 'services-xml', title: 'services.xml answers', severity: 'error', status: 'pass', specRef: 'digest §4',
  message: 'ok', fix: 'Serve services.xml.', durationMs: 12, ...over,
});

const REPORT: ValidationReport = {
  target: { url: 'https://city.example/v2/?a=1&b=<2>', baseUrl: 'https://city.example/v2/', discoveryUrl: null },
  startedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 1234,
  summary: { errors: 1, warnings: 1, info: 1, passed: 1, failed: 3, skipped: 1 },
  results: [
    result({}),
    result({
      id: 'services-type', status: 'fail', message: `type is ${HOSTILE}`,
      evidence: { request: 'GET https://city.example/v2/services.xml', response: `HTTP 200\ncontent-type: text/xml\n\n${HOSTILE}` },
    }),
    result({ id: 'http-charset', severity: 'warning', status: 'fail', message: 'no charset in Content-Type' }),
    result({ id: 'ext-paging', severity: 'info', status: 'fail', message: 'page ignored' }),
    result({ id: 'post-readback', status: 'skip', message: 'write check' }),
  ],
};

const elements = (root: XmlElement, name: string): XmlElement[] => {
  const found: XmlElement[] = [];
  const walk = (el: XmlElement): void => {
    if (el.name === name) found.push(el);
    el.children.forEach(walk);
  };
  walk(root);
  return found;
};

describe('json reporter', () => {
  it('has the contract shape', () => {
    const doc = JSON.parse(formatReport(REPORT, 'json')) as { summary: Record<string, number>; results: Record<string, unknown>[] };
    expect(doc.summary).toMatchObject({ errors: 1, warnings: 1, info: 1 });
    expect(doc.results).toHaveLength(5);
    for (const r of doc.results) expect(Object.keys(r)).toEqual(expect.arrayContaining(['id', 'severity', 'status', 'specRef', 'message']));
    expect(doc.results[1]).toMatchObject({ id: 'services-type', status: 'fail', evidence: { request: expect.any(String) } });
  });
});

describe('junit reporter', () => {
  const xml = formatReport(REPORT, 'junit');

  it('is well-formed XML that keeps hostile text as text', () => {
    const doc = parseXml(xml);
    expect(doc.root.name).toBe('testsuites');
    const failure = elements(doc.root, 'failure')[0];
    expect(failure?.attributes.message).toContain('<script>alert("x")</script> & \uFFFD \'quoted\' ]]>');
    expect(failure?.text).toContain('HTTP 200\ncontent-type: text/xml');
  });

  it('has one testsuite per area, failures for error and warning, skipped elements', () => {
    const doc = parseXml(xml);
    expect(elements(doc.root, 'testsuite').map((s) => [s.attributes.name, s.attributes.tests, s.attributes.failures])).toEqual([
      ['services', '2', '1'], ['http', '1', '1'], ['ext', '1', '0'], ['post', '1', '0'],
    ]);
    expect(elements(doc.root, 'failure').map((f) => f.attributes.type)).toEqual(['error', 'warning']);
    expect(elements(doc.root, 'skipped')).toHaveLength(1);
    expect(doc.root.attributes).toMatchObject({ tests: '5', failures: '2', skipped: '1' });
  });
});

describe('html reporter', () => {
  const html = formatReport(REPORT, 'html');

  it('escapes every server-supplied text', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;');
    expect(html).toContain('?a=1&amp;b=&lt;2&gt;');
    expect(html).not.toContain('\u0001');
  });

  it('says how to fix each failure', () => {
    expect(html).toContain('<b>How to fix:</b> Serve services.xml.');
  });
  it('is a self-contained page', () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<link|<script|src=/);
  });
});

describe('text reporter', () => {
  it('groups failures by severity with spec ref and evidence, and ends with a summary line', () => {
    const text = formatReport(REPORT, 'text');
    const [errors, warnings, info] = ['ERRORS (1)', 'WARNINGS (1)', 'INFO (1)'].map((h) => text.indexOf(h));
    expect(errors).toBeGreaterThan(0);
    expect(warnings).toBeGreaterThan(errors as number);
    expect(info).toBeGreaterThan(warnings as number);
    expect(text).toContain('  ✗ services-type — services.xml answers\n    digest §4\n');
    expect(text).toContain('    fix: Serve services.xml.\n');
    expect(text).toContain('    > GET https://city.example/v2/services.xml\n    < HTTP 200');
    expect(text.trimEnd().split('\n').pop()).toBe('1 error, 1 warning, 1 info; 1 passed, 3 failed, 1 skipped in 1.2 s');
  });

  it('shows control characters sent by the target escaped, never as terminal sequences', () => {
    const hostile = 'Open\u001b[2J\u001b]0;pwned\u0007\rPASS\u009b31m\u202eevil';
    const text = formatReport({
      ...REPORT,
      results: [result({ id: 'services-type', status: 'fail', message: hostile, evidence: { request: 'GET /', response: hostile } })],
    }, 'text');
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(text).toContain('Open\\x1b[2J\\x1b]0;pwned\\x07\\x0dPASS\\x9b31m\\u202eevil');
    expect(text).toContain('\n    < Open'); // line breaks and the layout stay
  });
});
