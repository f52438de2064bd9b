/** Which account a report sent through the pages belongs to: the session decides, never the form. */
import type { FormFields } from '@o311/georeport';
import type { SignedInCitizen } from './authenticate.js';

export function setReportOwner(fields: FormFields, who: SignedInCitizen | undefined): void {
  if (who) fields.set('account_id', [who.account.id]);
  else fields.delete('account_id');
}
