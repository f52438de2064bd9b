import { describe, expect, it } from 'vitest';
import { parseForm } from '@o311/georeport';
import type { Jurisdiction, NewMedia } from '@o311/store';
import { submissionFingerprint } from './submission-fingerprint.js';

const city: Jurisdiction = { id: 'city', name: 'City', contact: '', key_service: '', timezone: 'UTC' };
const photo = (bytes: string, filename: string | null = 'a.png'): NewMedia =>
  ({ content_type: 'image/png', filename, bytes: Buffer.from(bytes) });
const of = (body: string, media: NewMedia[] = [], j: Jurisdiction = city): string => submissionFingerprint(j, parseForm(body), media);

describe('submissionFingerprint', () => {
  const base = 'service_code=lamp&lat=1&long=2&attribute[X]=a&attribute[X]=b';

  it('ignores the order of fields, the api_key, a named jurisdiction_id and file names', () => {
    expect(of('long=2&attribute[X]=a&lat=1&service_code=lamp&attribute[X]=b&api_key=other')).toBe(of(base));
    expect(of(`${base}&jurisdiction_id=city`)).toBe(of(base));
    expect(of(base, [photo('x', 'one.png')])).toBe(of(base, [photo('x', null)]));
  });

  it('tells apart values, the order of one field\'s values, the jurisdiction and the photos', () => {
    const differ = [
      of('service_code=lamp&lat=1&long=2&attribute[X]=b&attribute[X]=a'),
      of(`${base}&description=x`),
      of(base, [], { ...city, id: 'county' }),
      of(base, [photo('x')]),
      of(base, [photo('y')]),
      of(base, [photo('x'), photo('y')]),
      of(base, [photo('y'), photo('x')]),
    ];
    expect(new Set([of(base), ...differ]).size).toBe(differ.length + 1);
  });
});
