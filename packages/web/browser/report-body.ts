/**
 * The multipart body of a report sent from the browser, in the order the
 * server needs: the key and the service first (they are checked when the first
 * file arrives, and a file sent before them is refused), the answers, then the
 * photos. No DOM here, so it is tested in Node (test/report-body.test.ts).
 */

export interface PhotoFile {
  blob: Blob;
  name: string;
}

export function orderedReportBody(
  answers: Iterable<readonly [string, string | Blob]>,
  apiKey: string,
  serviceCode: string,
  photos: readonly PhotoFile[],
): FormData {
  const data = new FormData();
  data.set('api_key', apiKey);
  data.set('service_code', serviceCode);
  for (const [name, value] of answers) {
    // form_token goes as the Idempotency-Key header (submit.ts), not as a field.
    if (name !== 'media' && name !== 'api_key' && name !== 'service_code' && name !== 'form_token') data.append(name, value);
  }
  for (const p of photos) data.append('media', p.blob, p.name);
  return data;
}
