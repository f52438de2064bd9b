/** The open-data files of a filter: CSV, GeoJSON, newline-delimited GeoJSON. */
import type { Readable } from 'node:stream';
import type { PublicStoredRequest } from '@o311/store';
import type { ProjectionContext } from '../projection/public-request.js';
import { CSV_CONTENT_TYPE, csvStream } from './csv-writer.js';
import { EXPORT_COLUMNS, exportFeature, exportRecord, type ExportRecord } from './export-record.js';
import { GEOJSON_CONTENT_TYPE, geoJsonStream } from './geojson-writer.js';
import { NDJSON_CONTENT_TYPE, ndjsonStream } from './ndjson-writer.js';

export const EXPORT_FORMATS = ['csv', 'geojson', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const isExportFormat = (s: string): s is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(s);

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: CSV_CONTENT_TYPE,
  geojson: GEOJSON_CONTENT_TYPE,
  ndjson: NDJSON_CONTENT_TYPE,
};

/** The store's pages as export records. */
export async function* exportRecords(
  pages: AsyncIterable<readonly PublicStoredRequest[]>,
  projection: ProjectionContext,
): AsyncGenerator<ExportRecord[]> {
  for await (const page of pages) yield page.map((r) => exportRecord(r, projection));
}

export function exportStream(format: ExportFormat, pages: AsyncIterable<readonly PublicStoredRequest[]>, projection: ProjectionContext): Readable {
  const records = exportRecords(pages, projection);
  switch (format) {
    case 'csv':
      return csvStream(EXPORT_COLUMNS, records);
    case 'geojson':
      return geoJsonStream(exportFeature, records);
    case 'ndjson':
      return ndjsonStream(exportFeature, records);
  }
}
