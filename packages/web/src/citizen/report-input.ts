/**
 * The body of the plain (no-JS) report form: urlencoded, or multipart with
 * photos. Fields are decoded exactly as the GeoReport POST decodes them, and
 * photos read the same way (server's readFormBody: spooled to disk under the
 * per-file and per-request caps, removed here) and checked the same way
 * (checkImage: an image by its bytes, bounded pixels, stored without metadata).
 * A malformed body is a 400 (the error page), never a 500.
 */
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { FastifyRequest } from 'fastify';
import { isOpen311Failure, type FormFields } from '@o311/georeport';
import type { NewMedia } from '@o311/store';
import { checkImage, readFormBody, type Limits } from '@o311/server';
import { readForm } from '../form.js';

export interface ReportInput {
  fields: FormFields;
  photos: NewMedia[];
  /** Files that are not readable JPEG, PNG, GIF, WebP or HEIC images (their names). */
  notImages: string[];
  /** Images with more pixels than accepted (their names). */
  tooManyPixels: string[];
  /** The body broke a limit, nothing after it was read: too many photos, or too many bytes of them. */
  overLimit: 'count' | 'size' | undefined;
}

const COUNT_LIMITS = new Set(['FST_FILES_LIMIT', 'FST_PARTS_LIMIT']);

/** Which limit an error of the body reader reports, if it is one. */
function brokenLimit(e: unknown): ReportInput['overLimit'] {
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && COUNT_LIMITS.has(code)) return 'count';
  const status = isOpen311Failure(e) ? e.status : (e as { statusCode?: unknown }).statusCode;
  return status === 413 ? 'size' : undefined;
}

async function readMultipart(request: FastifyRequest, limits: Limits, uploadDir: string): Promise<ReportInput> {
  const input: ReportInput = { fields: new Map(), photos: [], notImages: [], tooManyPixels: [], overLimit: undefined };
  let body;
  try {
    body = await readFormBody(request, { limits, uploadDir });
  } catch (e) {
    input.overLimit = brokenLimit(e);
    if (input.overLimit === undefined) throw e;
    return input;
  }
  try {
    input.fields = body.fields;
    for (const upload of body.uploads) {
      const name = upload.filename ?? upload.field;
      const verdict = checkImage(await readFile(upload.path), limits.maxMediaPixels);
      if (verdict.ok) input.photos.push({ content_type: verdict.content_type, filename: upload.filename, bytes: verdict.bytes });
      else if (verdict.problem === 'too-many-pixels') input.tooManyPixels.push(name);
      else input.notImages.push(name);
    }
  } finally {
    await body.discard();
  }
  return input;
}

export async function readReportInput(request: FastifyRequest, limits: Limits, uploadDir = tmpdir()): Promise<ReportInput> {
  if (request.isMultipart()) return readMultipart(request, limits, uploadDir);
  return { fields: readForm(request), photos: [], notImages: [], tooManyPixels: [], overLimit: undefined };
}
