/**
 * The body of the plain (no-JS) report form: urlencoded, or multipart with
 * photos. Fields are decoded exactly as the GeoReport POST decodes them, and
 * photos checked the same way (checkImage: an image by its bytes, bounded
 * pixels, stored without metadata). The multipart body is read to its end
 * (report-multipart.ts): a photo that breaks a limit is dropped and named,
 * the fields after it are kept. A malformed body is a 400 (the error page),
 * never a 500.
 */
import type { FastifyRequest } from 'fastify';
import { badRequest, isOpen311Failure, type FormFields } from '@o311/georeport';
import type { NewMedia } from '@o311/store';
import { checkImage, type Limits } from '@o311/server';
import { readForm } from '../form.js';
import { readReportBody, type DroppedPhoto } from './report-multipart.js';

export interface ReportInput {
  fields: FormFields;
  photos: NewMedia[];
  /** Files that are not readable JPEG, PNG, GIF, WebP or HEIC images (their names). */
  notImages: string[];
  /** Images with more pixels than accepted (their names). */
  tooManyPixels: string[];
  /** Photos left out for a limit they broke (size of one, of all together, their number). */
  dropped: DroppedPhoto[];
  /** The body broke a limit and nothing after it was read (far too many parts). */
  overLimit: 'count' | undefined;
}

const COUNT_LIMITS = new Set(['FST_FILES_LIMIT', 'FST_PARTS_LIMIT']);

const emptyInput = (fields: FormFields): ReportInput => ({ fields, photos: [], notImages: [], tooManyPixels: [], dropped: [], overLimit: undefined });

async function readMultipart(request: FastifyRequest, limits: Limits): Promise<ReportInput> {
  const input = emptyInput(new Map());
  let body;
  try {
    body = await readReportBody(request, limits);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && COUNT_LIMITS.has(code)) return { ...input, overLimit: 'count' };
    if (isOpen311Failure(e)) throw e;
    throw badRequest('The multipart/form-data body is malformed.');
  }
  input.fields = body.fields;
  input.dropped = body.dropped;
  for (const file of body.files) {
    const verdict = checkImage(file.bytes, limits.maxMediaPixels);
    if (verdict.ok) input.photos.push({ content_type: verdict.content_type, filename: file.name, bytes: verdict.bytes });
    else if (verdict.problem === 'too-many-pixels') input.tooManyPixels.push(file.name);
    else input.notImages.push(file.name);
  }
  return input;
}

export async function readReportInput(request: FastifyRequest, limits: Limits): Promise<ReportInput> {
  if (request.isMultipart()) return readMultipart(request, limits);
  return emptyInput(readForm(request));
}
