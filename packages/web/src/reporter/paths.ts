/** The reporter's pages, named once. The secret rides in the query string, as the follow links' do. */
import type { ReporterAnswer } from '@o311/store';

export const UPDATE_PATH = '/reporter/update';
export const FIXED_PATH = '/reporter/fixed';

/** The page where the reporter adds an update, from a mail (a secret) or their account (the request id). */
export const updatePath = (proof: { token: string } | { request: string }): string =>
  'token' in proof ? `${UPDATE_PATH}?token=${encodeURIComponent(proof.token)}` : `${UPDATE_PATH}?request=${encodeURIComponent(proof.request)}`;

export const fixedPath = (token: string, answer: ReporterAnswer): string =>
  `${FIXED_PATH}?token=${encodeURIComponent(token)}&answer=${answer}`;
