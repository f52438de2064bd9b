/**
 * The self-service API keys' settings, edited by global admins in the back
 * office and shared by every process (store settings): whether a verified
 * request waits for an admin's approval, and the city's terms of use that a
 * developer accepts. Unset terms mean the web apps' default text, shown in the
 * reader's language.
 */
import { createHash } from 'node:crypto';
import type { Store } from '@o311/store';
import { recordAudit } from './audit.js';
import type { ServiceContext } from './context.js';
import type { StaffActor } from './staff-actor.js';

export const APPROVAL_SETTING = 'developers.approval_required';
export const TERMS_SETTING = 'developers.terms';
/** Characters of the terms of use an admin may write. */
export const MAX_TERMS_LENGTH = 20_000;

export interface DeveloperSettings {
  approvalRequired: boolean;
  /** Undefined: the default terms. */
  terms: string | undefined;
}

export async function developerSettings(store: Store): Promise<DeveloperSettings> {
  const [approval, terms] = await Promise.all([store.getSetting(APPROVAL_SETTING), store.getSetting(TERMS_SETTING)]);
  return { approvalRequired: approval === '1', terms: terms === undefined || terms === '' ? undefined : terms };
}

/** The digest a request keeps of the terms its developer accepted. */
export const termsDigest = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Settings have no plain write: claim, or replace the value read (retried when another process wrote meanwhile). */
async function writeSetting(store: Store, name: string, value: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await store.getSetting(name);
    if (current === undefined ? (await store.claimSetting(name, value)) === value : await store.replaceSetting(name, current, value)) return;
  }
  throw new Error(`setting ${name} kept changing while it was written`);
}

export async function saveDeveloperSettings(ctx: ServiceContext, actor: StaffActor, s: DeveloperSettings): Promise<void> {
  const terms = (s.terms ?? '').slice(0, MAX_TERMS_LENGTH);
  await writeSetting(ctx.store, APPROVAL_SETTING, s.approvalRequired ? '1' : '0');
  await writeSetting(ctx.store, TERMS_SETTING, terms);
  await recordAudit(ctx, actor, { action: 'developers.settings', details: { approval_required: s.approvalRequired, terms_digest: termsDigest(terms) } });
}
