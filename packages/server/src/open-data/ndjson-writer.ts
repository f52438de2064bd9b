/**
 * Newline-delimited GeoJSON: one Feature per line (UTF-8, LF), no
 * collection around them, so a reader can start before the end and split
 * the file anywhere. Served as `application/x-ndjson` (what GDAL's GeoJSONSeq
 * driver and line tools read), not RFC 8142's record-separator form.
 */
import type { Readable } from 'node:stream';
import type { FeatureMapper } from './geojson-writer.js';
import { pageStream } from './page-stream.js';

export const NDJSON_CONTENT_TYPE = 'application/x-ndjson; charset=utf-8';

export function ndjsonStream<T>(toFeature: FeatureMapper<T>, pages: AsyncIterable<readonly T[]>): Readable {
  const encodePage = (rows: readonly T[]): string => {
    let out = '';
    for (const row of rows) out += JSON.stringify(toFeature(row)) + '\n';
    return out;
  };
  return pageStream(pages, encodePage);
}
