/**
 * `o311 validate` in-process against a live o311 (SQLite, demo city) and the
 * saved San Francisco responses: exit codes 0/1/2, the four report formats,
 * --out, and the refusal of loopback targets without --allow-private.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { CHECKS, REPORT_FORMATS } from '@o311/validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_CITIES } from '../../validator/test/support/fixture-cities.js';
import { startFixtureServer, type FixtureServer } from '../../validator/test/support/fixture-server.js';
import { startO311, type LiveO311 } from '../../validator/test/support/o311-server.js';
import { REPORT_FORMATS as CLI_FORMATS, validateOptionsOf } from '../src/commands/validate.js';
import { pointArg } from '../src/commands/options.js';
import { cli, scratch } from './support.js';

const FIXTURES = new URL('../../../../shared/fixtures/real/', import.meta.url);

interface JsonReport {
  summary: { errors: number; warnings: number; info: number };
  results: { id: string; severity: string; status: string; specRef: string; message: string }[];
}

const HTML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);

describe('o311 validate', () => {
  let o311: LiveO311;
  let sanFrancisco: FixtureServer;
  let files: Awaited<ReturnType<typeof scratch>>;

  beforeAll(async () => {
    [o311, sanFrancisco, files] = await Promise.all([startO311('sqlite'), startFixtureServer(FIXTURE_CITIES.sanfrancisco, FIXTURES), scratch()]);
  });
  afterAll(async () => {
    await Promise.all([o311?.close(), sanFrancisco?.close(), files?.cleanup()]);
  });

  it('passes --location on as the run\'s location', () => {
    const location = pointArg(' 40.5, -89.25 ');
    expect(location).toEqual({ lat: 40.5, long: -89.25 });
    const base = { write: false, format: 'text', allowPrivate: false, timeout: 1000 } as const;
    expect(validateOptionsOf('https://311.example/federated/open311/discovery.json', { ...base, location }).location).toEqual(location);
    expect(validateOptionsOf('https://311.example/open311/discovery.json', base)).not.toHaveProperty('location');
  });

  it('offers exactly the validator\'s report formats', () => {
    expect([...CLI_FORMATS]).toEqual([...REPORT_FORMATS]);
  });

  it('exits 0 on o311 in write mode and prints the JSON report on stdout', async () => {
    const r = await cli(['validate', o311.discoveryUrl, '--allow-private', '--write', '--api-key', o311.apiKey, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.summary).toMatchObject({ errors: 0, warnings: expect.any(Number), info: expect.any(Number) });
    expect(report.results.length).toBe(CHECKS.length);
    for (const result of report.results) {
      expect(result).toMatchObject({ id: expect.any(String), severity: expect.stringMatching(/^(error|warning|info)$/), status: expect.stringMatching(/^(pass|fail|skip)$/), specRef: expect.any(String), message: expect.any(String) });
    }
    expect(report.results.find((x) => x.id === 'post-realtime-receipt')?.status).toBe('pass');
  });

  it('exits 1 when an error-level check fails, with the text report on stdout', async () => {
    const r = await cli(['validate', sanFrancisco.discoveryUrl, '--allow-private']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('requests-status');
    expect(r.stderr).toMatch(/^error: \d+ error-level check\(s\) failed/);
  });

  it('exits 1 for an unreachable target: its connectivity check fails in the report', async () => {
    const r = await cli(['validate', 'http://127.0.0.1:9/open311/discovery.json', '--allow-private', '--timeout', '2000', '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.results.find((x) => x.id === 'http-reachable')?.status).toBe('fail');
  });

  it('writes a JUnit report that parses as XML to --out, and a summary line on stdout', async () => {
    const out = join(files.dir, 'report.xml');
    const r = await cli(['validate', o311.discoveryUrl, '--allow-private', '--format', 'junit', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.last).toMatch(new RegExp(`^wrote the junit report to ${out.replace(/[.\\/]/g, '\\$&')}: 0 error\\(s\\)`));
    const xml = await readFile(out, 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<testsuite');
    expect(xml).toContain('post-readback'); // skipped without --write, still listed
  });

  it('renders an HTML report naming every check by its title', async () => {
    const r = await cli(['validate', o311.discoveryUrl, '--allow-private', '--format', 'html']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^<!doctype html>/i);
    for (const check of CHECKS) expect(r.stdout).toContain(escapeHtml(check.title));
  });

  it('refuses a loopback target without --allow-private (exit 2, clear message)', async () => {
    const r = await cli(['validate', o311.discoveryUrl]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: refusing to validate 127\.0\.0\.1:\d+: .*--allow-private/);
  });

  it.each([
    ['--write without --api-key', ['--write'], /--write .*needs an API key/],
    ['an unknown format', ['--format', 'pdf'], /--format/],
    ['a bad timeout', ['--timeout', 'soon'], /--timeout/],
    ['a location off the globe', ['--location', '91,0'], /--location/],
    ['a location that is not LAT,LONG', ['--location', '40.5'], /--location/],
  ])('exits 2 for %s', async (_what, extra, message) => {
    const r = await cli(['validate', o311.discoveryUrl, '--allow-private', ...extra]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it.each([['not a URL', 'not-a-url'], ['not http(s)', 'ftp://example.org/open311/discovery.json']])('exits 2 for %s', async (_what, url) => {
    const r = await cli(['validate', url]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: .*URL/);
  });
});
