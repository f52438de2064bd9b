/**
 * How much the client's tolerant reading costs over bare parsing: 1,000 requests
 * as o311 writes them, read by `readRequests` and parsed by the parser underneath
 * (JSON.parse; fast-xml-parser), median of many rounds in the same process.
 */
import { XMLParser } from 'fast-xml-parser';
import { readRequests } from '@o311/client';
import { encodeRequests, type Format, type PublicRequest } from '@o311/georeport';

export interface ReadFigure {
  format: Format;
  count: number;
  readMs: number;
  parseMs: number;
}

function sampleRequests(count: number): PublicRequest[] {
  return Array.from({ length: count }, (_, i) => ({
    service_request_id: String(100_000 + i),
    status: i % 3 === 0 ? 'closed' : 'open',
    status_notes: i % 3 === 0 ? 'Fixed by the road crew.' : null,
    service_name: 'Pothole',
    service_code: 'POTHOLE',
    description: `Deep pothole in the right lane, number ${i}.`,
    agency_responsible: 'Public Works',
    service_notice: null,
    requested_datetime: '2026-11-02T09:15:00-06:00',
    updated_datetime: '2026-11-03T10:00:00-06:00',
    expected_datetime: null,
    address: `${i} Main St`,
    address_id: null,
    zipcode: '50309',
    lat: 41.5868 + i / 10_000,
    long: -93.625 - i / 10_000,
    media_url: null,
  }));
}

function medianMs(f: () => unknown, rounds: number): number {
  for (let i = 0; i < 5; i++) f();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

export function measureClientReading(count = 1000, rounds = 31): ReadFigure[] {
  const list = sampleRequests(count);
  const xmlParser = new XMLParser({ parseTagValue: false });
  const parsers: Record<Format, (body: string) => unknown> = {
    json: (body) => JSON.parse(body),
    xml: (body) => xmlParser.parse(body),
  };
  return (['json', 'xml'] as const).map((format) => {
    const body = encodeRequests(list, format);
    return {
      format,
      count,
      readMs: medianMs(() => readRequests(body, format), rounds),
      parseMs: medianMs(() => parsers[format](body), rounds),
    };
  });
}
