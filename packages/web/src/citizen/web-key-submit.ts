/**
 * A submission made with the web app's API key: the key checked for the
 * visitor (its quota counts per client address), the call made, and the
 * quota given back when it is refused. A refusal the reader can act on comes
 * back as the server's words; a missing key is the operator's problem (500).
 */
import { isOpen311Failure } from '@o311/georeport';
import { authorizeKey, spendingQuota } from '@o311/server';
import type { ApiKey, Jurisdiction } from '@o311/store';
import type { WebContext } from '../context.js';
import type { Translator } from '../i18n/translate.js';
import { webApiKey } from './api-key.js';

export type Submitted<T> = { ok: true; value: T } | { ok: false; errors: []; serverProblems: string[] };

export async function submitWithWebKey<T>(
  web: WebContext,
  t: Translator,
  /** `jurisdiction` undefined: the federated endpoint, which serves none of its own. */
  use: { jurisdiction: Jurisdiction | undefined; visitor: string },
  call: (key: ApiKey) => Promise<T>,
): Promise<Submitted<T>> {
  const { services } = web;
  try {
    const { key, quota } = await authorizeKey(services, await webApiKey(web), { jurisdiction: use.jurisdiction, clientAddress: use.visitor });
    return { ok: true, value: await spendingQuota(services, quota, () => call(key)) };
  } catch (e) {
    if (isOpen311Failure(e) && e.status === 429) return { ok: false, errors: [], serverProblems: [t('report.error.busy')] };
    if (isOpen311Failure(e) && e.status === 403) throw new Error('The web app API key is missing or revoked.', { cause: e });
    if (isOpen311Failure(e) && e.status < 500) return { ok: false, errors: [], serverProblems: e.errors.map((x) => x.description) };
    throw e;
  }
}
