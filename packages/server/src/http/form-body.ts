/**
 * Reads a GeoReport POST body into form fields (and uploaded media), treating
 * multipart fields exactly like urlencoded ones: they are re-encoded and go
 * through the same @o311/georeport parseForm, so `attribute[CODE][]`, repeated
 * keys and empty values mean the same thing whichever way a client sends them.
 * Files are streamed to temporary files (upload-spool.ts), and only after
 * `beforeFiles` has accepted the fields sent before them: a request without a
 * valid key is refused before a byte of its files is read.
 */
import { readFile } from 'node:fs/promises';
import type { FastifyRequest } from 'fastify';
import {
  badRequest, parseForm, payloadTooLarge, unsupportedMediaType, isOpen311Failure, type FormFields,
} from '@o311/georeport';
import { checkImage } from '../media/check-image.js';
import { MEDIA_FIELDS, MEDIA_TYPE_NAMES, type MediaType } from './media-type.js';
import { holdsNul, nulFailure } from './nul-bytes.js';
import { UploadSpool } from './upload-spool.js';

/** An uploaded file, in a temporary file until the body's `discard()`. */
export interface Upload {
  field: string;
  filename: string | null;
  declaredType: string;
  path: string;
  size: number;
}

export interface AcceptedMedia {
  content_type: MediaType;
  filename: string | null;
  bytes: Buffer;
}

export interface FormBody {
  fields: FormFields;
  uploads: Upload[];
  /** Removes the uploads' temporary files. */
  discard(): Promise<void>;
}

export interface FormLimits {
  bodyLimitBytes: number;
  /** All files of one request together. */
  mediaTotalLimitBytes: number;
}

export interface FormReading {
  limits: FormLimits;
  /** Where the temporary folders of uploads are made. */
  uploadDir: string;
  /**
   * Called once, with the fields read so far, before the first file is read;
   * what it throws is the answer, and the files are never read.
   */
  beforeFiles?: (fieldsSoFar: FormFields) => Promise<void>;
}

const encode = (pairs: [string, string][]): string =>
  pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');

const NOTHING_TO_DISCARD = async (): Promise<void> => undefined;

/** Throws 415 for any body that is not a form, 413 over the limits, 400 when malformed. */
export async function readFormBody(request: FastifyRequest, reading: FormReading): Promise<FormBody> {
  if (request.isMultipart()) return readMultipart(request, reading);
  const body: unknown = request.body;
  if (typeof body === 'string') return { fields: parseForm(body), uploads: [], discard: NOTHING_TO_DISCARD };
  if (body === undefined || body === null) return { fields: parseForm(''), uploads: [], discard: NOTHING_TO_DISCARD };
  throw unsupportedMediaType(
    `Content-Type '${request.headers['content-type'] ?? ''}' is not accepted here; send application/x-www-form-urlencoded or multipart/form-data.`,
  );
}

async function readMultipart(request: FastifyRequest, reading: FormReading): Promise<FormBody> {
  const { limits } = reading;
  const pairs: [string, string][] = [];
  const uploads: Upload[] = [];
  const spool = new UploadSpool(reading.uploadDir, limits.mediaTotalLimitBytes);
  let checked = false;
  let fieldBytes = 0;
  try {
    for await (const part of request.parts()) {
      if (holdsNul([part.fieldname, part.type === 'file' ? part.filename : part.value])) throw nulFailure('A form field');
      if (part.type === 'file') {
        if (!checked) {
          checked = true;
          await reading.beforeFiles?.(parseForm(encode(pairs)));
        }
        const { path, size } = await spool.write(part.file);
        // Browsers send an empty part for a file input left empty.
        if (size === 0 && !part.filename) continue;
        uploads.push({ field: part.fieldname, filename: part.filename || null, declaredType: part.mimetype, path, size });
        continue;
      }
      const value = typeof part.value === 'string' ? part.value : String(part.value ?? '');
      if (part.valueTruncated || part.fieldnameTruncated) throw payloadTooLarge(`Form field '${part.fieldname}' is too large.`);
      fieldBytes += Buffer.byteLength(part.fieldname) + Buffer.byteLength(value);
      if (fieldBytes > limits.bodyLimitBytes) {
        throw payloadTooLarge(`The form fields are larger than ${limits.bodyLimitBytes} bytes.`);
      }
      pairs.push([part.fieldname, value]);
    }
  } catch (err) {
    await spool.discard();
    if (isOpen311Failure(err)) throw err;
    if (err instanceof Error && typeof (err as { statusCode?: unknown }).statusCode === 'number') throw err;
    throw badRequest('The multipart/form-data body is malformed.');
  }
  return { fields: parseForm(encode(pairs)), uploads, discard: () => spool.discard() };
}

/**
 * Checks uploads: only the media fields, only images whose bytes are JPEG, PNG,
 * GIF, WebP or HEIC (the type stored is the one found in the bytes), at most
 * `maxPixels` pixels each, stored without their metadata (check-image.ts).
 */
export async function acceptMedia(uploads: readonly Upload[], maxPixels: number): Promise<AcceptedMedia[]> {
  const wrongField = uploads.filter((u) => !MEDIA_FIELDS.has(u.field));
  if (wrongField.length > 0) {
    throw badRequest(
      ...wrongField.map((u) => `File field '${u.field}' is not accepted; send media as 'media', 'media[]' or 'photo1'..'photo3'.`),
    );
  }
  const accepted: AcceptedMedia[] = [];
  const refused: string[] = [];
  const tooLarge: string[] = [];
  for (const u of uploads) {
    const name = `Media '${u.filename ?? u.field}'`;
    const verdict = checkImage(await readFile(u.path), maxPixels);
    if (verdict.ok) accepted.push({ content_type: verdict.content_type, filename: u.filename, bytes: verdict.bytes });
    else if (verdict.problem === 'too-many-pixels') {
      const { width, height } = verdict.dimensions;
      tooLarge.push(`${name} is ${width}×${height} pixels; at most ${maxPixels.toLocaleString('en')} pixels are accepted.`);
    } else if (verdict.problem === 'malformed') refused.push(`${name} is not a readable ${MEDIA_TYPE_NAMES} image.`);
    else refused.push(`${name} (${u.declaredType}) is not a ${MEDIA_TYPE_NAMES} image.`);
  }
  if (tooLarge.length > 0) throw payloadTooLarge(tooLarge.join(' '));
  if (refused.length > 0) throw unsupportedMediaType(refused.join(' '));
  return accepted;
}
