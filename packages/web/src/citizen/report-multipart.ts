/**
 * Reads the plain report form's multipart body to its end, whatever its photos
 * are: a photo over the per-photo cap, past the cap of all photos together or
 * past the number of photos is dropped (named, with the limit it broke) and
 * every field after it is still read, so the form comes back as it was sent.
 * (The GeoReport POST's readFormBody stops at the first broken limit, which
 * is right for an API client, not for a person who would retype the form.)
 * Photos are held in memory, bounded by the same caps as the API's.
 */
import type { FastifyRequest } from 'fastify';
import { badRequest, parseForm, payloadTooLarge, type FormFields } from '@o311/georeport';
import type { Limits } from '@o311/server';

export type DroppedPhoto = { name: string; limit: 'size' | 'total' | 'count' };

export interface ReportBody {
  fields: FormFields;
  files: { name: string; bytes: Buffer }[];
  dropped: DroppedPhoto[];
}

/** Parts beyond which the body is refused outright (a form has a few dozen). */
const MAX_PARTS = 600;
/** Files read (and dropped) beyond the photo count before the body is refused. */
const EXTRA_FILES = 9;

const encode = (pairs: readonly [string, string][]): string =>
  pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');

async function drain(stream: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of stream) void _;
}

export async function readReportBody(request: FastifyRequest, limits: Limits): Promise<ReportBody> {
  const pairs: [string, string][] = [];
  const body: ReportBody = { fields: new Map(), files: [], dropped: [] };
  let total = 0;
  let fieldBytes = 0;
  // @fastify/multipart reads throwFileSizeLimit per call, though its types leave it out.
  const options = {
    throwFileSizeLimit: false,
    limits: { fileSize: limits.mediaLimitBytes, files: limits.maxMediaFiles + EXTRA_FILES, parts: MAX_PARTS },
  };
  const parts = request.parts(options);
  for await (const part of parts) {
    if (part.fieldname.includes('\0')) throw badRequest('A form field holds a NUL character.');
    if (part.type === 'field') {
      const value = typeof part.value === 'string' ? part.value : String(part.value ?? '');
      if (value.includes('\0')) throw badRequest('A form field holds a NUL character.');
      if (part.valueTruncated || part.fieldnameTruncated) throw payloadTooLarge(`Form field '${part.fieldname}' is too large.`);
      fieldBytes += Buffer.byteLength(part.fieldname) + Buffer.byteLength(value);
      if (fieldBytes > limits.bodyLimitBytes) throw payloadTooLarge('The form fields are too large.');
      pairs.push([part.fieldname, value]);
      continue;
    }
    const name = (part.filename || part.fieldname).replaceAll('\0', '');
    if (body.files.length >= limits.maxMediaFiles) {
      await drain(part.file);
      // Browsers send an empty part for a file input left empty.
      if (part.filename) body.dropped.push({ name, limit: 'count' });
      continue;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let overTotal = false;
    for await (const chunk of part.file as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (total + size > limits.mediaTotalLimitBytes) overTotal = true;
      if (!overTotal) chunks.push(chunk);
    }
    if (size === 0 && !part.filename) continue;
    if (part.file.truncated) body.dropped.push({ name, limit: 'size' });
    else if (overTotal) body.dropped.push({ name, limit: 'total' });
    else {
      total += size;
      body.files.push({ name, bytes: Buffer.concat(chunks) });
    }
  }
  body.fields = parseForm(encode(pairs));
  return body;
}
