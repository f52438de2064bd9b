/**
 * Rows counted in an export's body as it streams, without keeping it: CSV
 * lines after the header, GeoJSON lines holding a feature (the writer puts
 * one per line), NDJSON lines. The first bytes are kept for the baseline.
 */
import { request as httpRequest } from 'node:http';

export type ExportFormat = 'csv' | 'geojson' | 'ndjson';

export interface Download {
  status: number;
  rows: number;
  bytes: number;
  seconds: number;
  /** The body's first bytes, cut after a whole line. */
  head: Buffer;
}

const NEWLINE = 0x0a;
const FEATURE = Buffer.from('{"type":"Feature"');
const HEAD_BYTES = 1 << 20;

/** Counts the lines of a stream that `counts` (given a line's first bytes). */
export function lineCounter(counts: (start: Buffer) => boolean): { push: (chunk: Buffer) => void; end: () => number } {
  let rows = 0;
  let start = Buffer.alloc(0);
  const take = (line: Buffer) => {
    if (counts(line)) rows++;
  };
  return {
    push(chunk) {
      let from = 0;
      for (let nl = chunk.indexOf(NEWLINE, from); nl >= 0; nl = chunk.indexOf(NEWLINE, from)) {
        take(start.length > 0 ? Buffer.concat([start, chunk.subarray(from, Math.min(nl, from + 32))]) : chunk.subarray(from, nl));
        start = Buffer.alloc(0);
        from = nl + 1;
      }
      if (start.length < 32 && from < chunk.length) start = Buffer.concat([start, chunk.subarray(from, from + 32)]);
    },
    end() {
      if (start.length > 0) take(start);
      return rows;
    },
  };
}

const COUNTS: Record<ExportFormat, () => (line: Buffer) => boolean> = {
  csv: () => {
    let header = true;
    return (line) => {
      if (header) {
        header = false;
        return false;
      }
      return line.length > 0 && !(line.length === 1 && line[0] === 0x0d);
    };
  },
  geojson: () => (line) => line.subarray(0, FEATURE.length).equals(FEATURE),
  ndjson: () => (line) => line.length > 0,
};

/** GETs the URL, counting the body's rows of `format` as they come. */
export function download(url: string, format: ExportFormat): Promise<Download> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const counter = lineCounter(COUNTS[format]());
    const head: Buffer[] = [];
    let headBytes = 0;
    let bytes = 0;
    const req = httpRequest(url, (res) => {
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (headBytes < HEAD_BYTES) {
          head.push(chunk);
          headBytes += chunk.length;
        }
        counter.push(chunk);
      });
      res.on('end', () => {
        const first = Buffer.concat(head);
        const cut = first.lastIndexOf(NEWLINE);
        resolve({
          status: res.statusCode ?? 0, rows: counter.end(), bytes, seconds: (performance.now() - started) / 1000,
          head: first.subarray(0, cut >= 0 ? cut + 1 : first.length),
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
