/**
 * "Correct and send again": the outbox page links a refused report to its
 * service's form with `#outbox=ID` (a fragment, so the page the service worker
 * kept still matches offline), or to the service list, whose links carry it
 * on. The form is filled with everything the reporter wrote (but what the
 * form sets itself), photos included; the kept report is dropped only once
 * the corrected one is sent or queued again, so nothing is lost on the way.
 */
import { fillForm } from './draft.js';
import { deleteReport, FORM_OWN_FIELDS, getReport } from './outbox-store.js';
import type { Photo } from './photos.js';
import { serviceFormLinks } from './service-form-links.js';

const FRAGMENT = /^#outbox=([\w-]{1,64})$/;

export const reopenHref = (serviceCode: string, id: string): string => `/report/${encodeURIComponent(serviceCode)}#outbox=${id}`;

/** The service list, to send the report as another service (its own may be gone). */
export const chooseServiceHref = (id: string): string => `/#outbox=${id}`;

/** On the service list opened from the outbox: each service's form link carries the report along. */
export function carryOutboxFragment(): void {
  const fragment = window.location.hash;
  if (!FRAGMENT.test(fragment)) return;
  for (const a of serviceFormLinks()) a.hash = fragment;
}

export interface Reopened {
  /** Drops the refused report from the outbox: its corrected copy has been sent or queued. */
  done(): Promise<void>;
}

/**
 * Refills the form from the refused report the URL names (undefined when it names none). Another
 * service's form takes what it also asks (place, description, contact); its own questions stay empty.
 */
export async function reopenFromOutbox(
  form: HTMLFormElement,
  addPhotos: (photos: readonly Photo[]) => void,
): Promise<Reopened | undefined> {
  const id = FRAGMENT.exec(window.location.hash)?.[1];
  if (id === undefined) return undefined;
  const kept = await getReport(id).catch(() => undefined);
  if (!kept || kept.state !== 'refused') return undefined;
  fillForm(form, kept.answers.filter(([name]) => !FORM_OWN_FIELDS.has(name)));
  addPhotos(kept.photos);
  // The map and the draft follow the refilled point and answers.
  for (const field of ['f-lat', 'f-long']) document.getElementById(field)?.dispatchEvent(new Event('change'));
  form.dispatchEvent(new Event('change'));
  return { done: () => deleteReport(id).catch(() => undefined) };
}
