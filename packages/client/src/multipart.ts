/**
 * multipart/form-data bodies for submissions with photos (CitySDK `media`, the v2.1
 * draft). Built by the platform's own FormData encoder, read back as bytes.
 */
import type { FormPair } from './form.js';

export interface MediaFile {
  filename: string;
  contentType: string;
  data: Uint8Array;
}

export interface EncodedBody {
  body: Uint8Array;
  /** Includes the boundary. */
  contentType: string;
}

export const MEDIA_FIELD = 'media';

export async function multipartBody(fields: readonly FormPair[], files: readonly MediaFile[]): Promise<EncodedBody> {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  for (const file of files) {
    form.append(MEDIA_FIELD, new Blob([Uint8Array.from(file.data)], { type: file.contentType }), file.filename);
  }
  const encoded = new Response(form);
  const contentType = encoded.headers.get('content-type');
  if (contentType === null) throw new Error('FormData produced no content type');
  return { body: new Uint8Array(await encoded.arrayBuffer()), contentType };
}
