/**
 * The body of the plain (no-JS) report form: urlencoded, or multipart with
 * photos. Fields are decoded exactly as the GeoReport POST decodes them.
 */
import type { FastifyRequest } from 'fastify';
import { parseForm, type FormFields } from '@o311/georeport';
import type { NewMedia } from '@o311/store';
import { sniffMediaType } from '@o311/server';
import { readForm } from '../form.js';

export interface ReportInput {
  fields: FormFields;
  photos: NewMedia[];
  /** Files that are not JPEG, PNG, GIF, WebP or HEIC images (their names). */
  notImages: string[];
  /** The body broke a limit (too many photos, a photo too large): nothing after it was read. */
  overLimit: boolean;
}

const encode = (pairs: readonly (readonly [string, string])[]): string =>
  pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');

const isLimitError = (e: unknown): boolean =>
  e instanceof Error && typeof (e as { statusCode?: unknown }).statusCode === 'number';

async function readMultipart(request: FastifyRequest): Promise<ReportInput> {
  const pairs: [string, string][] = [];
  const photos: NewMedia[] = [];
  const notImages: string[] = [];
  let overLimit = false;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        pairs.push([part.fieldname, typeof part.value === 'string' ? part.value : String(part.value ?? '')]);
        continue;
      }
      const bytes = await part.toBuffer();
      if (bytes.length === 0 && !part.filename) continue;
      const type = sniffMediaType(bytes);
      if (type === undefined) notImages.push(part.filename || part.fieldname);
      else photos.push({ content_type: type, filename: part.filename || null, bytes });
    }
  } catch (e) {
    if (!isLimitError(e)) throw e;
    overLimit = true;
  }
  return { fields: parseForm(encode(pairs)), photos, notImages, overLimit };
}

export async function readReportInput(request: FastifyRequest): Promise<ReportInput> {
  if (request.isMultipart()) return readMultipart(request);
  return { fields: readForm(request), photos: [], notImages: [], overLimit: false };
}
