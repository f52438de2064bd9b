/**
 * The report to another endpoint: our checks (each field at fault named in
 * the reader's language, against the upstream's definition), then the
 * federated endpoint's accept path in process with the web app's key, once
 * per form token, with the channel it came by (web, or app when installed).
 * The report carries the signed-in account's id and, when none was typed, its
 * e-mail address.
 */
import { routerServices } from '@o311/server';
import type { FederatedRequest } from '@o311/store';
import type { WebContext } from '../../context.js';
import type { Translator } from '../../i18n/translate.js';
import type { SignedInCitizen } from '../../account/authenticate.js';
import { setReportOwner } from '../../account/report-owner.js';
import { valueOf } from '../form-state.js';
import { FORM_TOKEN_FIELD, formTokenOf } from '../form-token.js';
import { checkReport, type FieldError } from '../report-check.js';
import type { ReportInput } from '../report-input.js';
import { submitWithWebKey } from '../web-key-submit.js';
import type { RoutedService } from './routed-service.js';

/** Set by the installed app's script (browser/report.ts) on the routed form, which posts as a plain form. */
export const CHANNEL_FIELD = 'o311_channel';

const channelOf = (fields: ReportInput['fields']): 'web' | 'app' => (valueOf(fields, CHANNEL_FIELD) === 'app' ? 'app' : 'web');

export type RoutedOutcome =
  | { ok: true; stored: FederatedRequest }
  | { ok: false; errors: FieldError[]; serverProblems: string[] };

export async function submitRouted(
  web: WebContext,
  rs: RoutedService,
  input: ReportInput,
  who: SignedInCitizen | undefined,
  t: Translator,
  visitor: string,
): Promise<RoutedOutcome> {
  const errors = checkReport(input.fields, rs.definition.attributes, t);
  // The form has no file input; files sent anyway are refused, not dropped without a word.
  const sentFiles = input.photos.length + input.notImages.length + input.tooManyPixels.length > 0 || input.dropped.length > 0 || input.overLimit !== undefined;
  const refused = sentFiles ? [t('routed.noPhotos', { name: rs.endpoint.name })] : [];
  if (errors.length > 0 || sentFiles) return { ok: false, errors, serverProblems: refused };

  const fields = new Map(input.fields).set('service_code', [rs.name]);
  fields.delete(FORM_TOKEN_FIELD);
  fields.delete(CHANNEL_FIELD);
  setReportOwner(fields, who);
  if (who && valueOf(fields, 'email').trim() === '') fields.set('email', [who.account.email]);
  // As the city's own form: any resend of the token is the same report, stored once.
  const token = formTokenOf(input.fields);
  const how = { channel: channelOf(input.fields), ...(token !== undefined && { once: { key: `form:${token}` } }) };
  const sent = await submitWithWebKey(web, t, { jurisdiction: undefined, visitor }, (key) => routerServices(web.services).submit(fields, key.id, how));
  return sent.ok ? { ok: true, stored: sent.value } : sent;
}
