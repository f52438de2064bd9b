/**
 * Reads a GeoReport POST body into form fields (and uploaded media), treating
 * multipart fields exactly like urlencoded ones: they are re-encoded and go
 * through the same @o311/georeport parseForm, so `attribute[CODE][]`, repeated
 * keys and empty values mean the same thing whichever way a client sends them.
 */
import type { FastifyRequest } from 'fastify';
import {
  badRequest, parseForm, payloadTooLarge, unsupportedMediaType, isOpen311Failure, type FormFields,
} from '@o311/georeport';
import { MEDIA_FIELDS, MEDIA_TYPE_NAMES, sniffMediaType, type MediaType } from './media-type.js';
import { holdsNul, nulFailure } from './nul-bytes.js';

export interface Upload {
  field: string;
  filename: string | null;
  declaredType: string;
  bytes: Buffer;
}

export interface AcceptedMedia {
  content_type: MediaType;
  filename: string | null;
  bytes: Buffer;
}

export interface FormBody {
  fields: FormFields;
  uploads: Upload[];
}

export interface FormLimits {
  bodyLimitBytes: number;
}

const encode = (pairs: [string, string][]): string =>
  pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');

/** Throws 415 for any body that is not a form, 413 over the limits, 400 when malformed. */
export async function readFormBody(request: FastifyRequest, limits: FormLimits): Promise<FormBody> {
  if (request.isMultipart()) return readMultipart(request, limits);
  const body: unknown = request.body;
  if (typeof body === 'string') return { fields: parseForm(body), uploads: [] };
  if (body === undefined || body === null) return { fields: parseForm(''), uploads: [] };
  throw unsupportedMediaType(
    `Content-Type '${request.headers['content-type'] ?? ''}' is not accepted here; send application/x-www-form-urlencoded or multipart/form-data.`,
  );
}

async function readMultipart(request: FastifyRequest, limits: FormLimits): Promise<FormBody> {
  const pairs: [string, string][] = [];
  const uploads: Upload[] = [];
  let fieldBytes = 0;
  try {
    for await (const part of request.parts()) {
      if (holdsNul([part.fieldname, part.type === 'file' ? part.filename : part.value])) throw nulFailure('A form field');
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        // Browsers send an empty part for a file input left empty.
        if (bytes.length === 0 && !part.filename) continue;
        uploads.push({ field: part.fieldname, filename: part.filename || null, declaredType: part.mimetype, bytes });
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
    if (isOpen311Failure(err)) throw err;
    if (err instanceof Error && typeof (err as { statusCode?: unknown }).statusCode === 'number') throw err;
    throw badRequest('The multipart/form-data body is malformed.');
  }
  return { fields: parseForm(encode(pairs)), uploads };
}

/**
 * Checks uploads: only the media fields, only images whose bytes are JPEG, PNG,
 * GIF, WebP or HEIC (the type stored is the one found in the bytes).
 */
export function acceptMedia(uploads: readonly Upload[]): AcceptedMedia[] {
  const wrongField = uploads.filter((u) => !MEDIA_FIELDS.has(u.field));
  if (wrongField.length > 0) {
    throw badRequest(
      ...wrongField.map((u) => `File field '${u.field}' is not accepted; send media as 'media', 'media[]' or 'photo1'..'photo3'.`),
    );
  }
  const accepted: AcceptedMedia[] = [];
  const refused: string[] = [];
  for (const u of uploads) {
    const type = sniffMediaType(u.bytes);
    if (type) accepted.push({ content_type: type, filename: u.filename, bytes: u.bytes });
    else refused.push(`Media '${u.filename ?? u.field}' (${u.declaredType}) is not a ${MEDIA_TYPE_NAMES} image.`);
  }
  if (refused.length > 0) throw unsupportedMediaType(refused.join(' '));
  return accepted;
}
