/**
 * `serve --geocoder-url URL` (or $O311_GEOCODER_URL): the Nominatim-compatible
 * service asked after each jurisdiction's gazetteer. Checked at start-up (a
 * URL of http or https, no credentials, not a private address literal unless
 * --allow-private-endpoints); the server checks the resolved address again at
 * each search.
 */
import { UsageError } from '../errors.js';
import type { CliIo } from '../io.js';

export const GEOCODER_URL_ENV = 'O311_GEOCODER_URL';

export async function resolveGeocoderUrl(io: CliIo, option: string | undefined, allowPrivate: boolean): Promise<string | undefined> {
  const text = (option ?? io.env[GEOCODER_URL_ENV] ?? '').trim();
  if (text === '') return undefined;
  const { geocoderUrlProblem } = await import('@o311/server');
  const problem = geocoderUrlProblem(text, allowPrivate);
  if (problem !== undefined) throw new UsageError(`--geocoder-url: ${problem}`);
  return text;
}
