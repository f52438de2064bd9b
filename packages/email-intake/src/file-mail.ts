/**
 * A new message filed as a request: the service its words name (else the
 * triage service), the location from a photo's EXIF (else typed in the body),
 * the body as the description, the sender as the private e-mail, the photos,
 * and the thread, written in one transaction with the message's row. A
 * message the matched service's checks refuse (a 400) goes to triage as it
 * is, never half-filed.
 */
import { isOpen311Failure, MAX_DESCRIPTION_LENGTH, type FormFields } from '@o311/georeport';
import { requestServices } from '@o311/server';
import type { InboundMail, Jurisdiction, ServiceRecord } from '@o311/store';
import { classify } from './classify.js';
import type { IntakeContext } from './intake-context.js';
import { intakeKey } from './intake-key.js';
import { ownWords, typedLocation } from './mail-text.js';
import type { ParsedMail } from './parse-mail.js';
import type { MailPhotos } from './photos.js';
import { newThreadToken } from './thread-ids.js';
import { triageService } from './triage-service.js';

/** The address of a request whose mail named no place (staff ask the reporter). */
export const NO_LOCATION = 'No location given (e-mail)';

/** The first `max` code points (the limit counts them; a cut never splits a surrogate pair). */
const firstCodePoints = (text: string, max: number): string => Array.from(text).slice(0, max).join('');

function fieldsOf(mail: ParsedMail, photos: MailPhotos, service: ServiceRecord): FormFields {
  const words = ownWords(mail.text);
  const description = firstCodePoints([mail.subject, words].filter((t) => t !== '').join('\n\n'), MAX_DESCRIPTION_LENGTH);
  const typed = typedLocation(words);
  const place = photos.location ?? (typed && 'lat' in typed ? typed : undefined);
  const fields: FormFields = new Map([
    ['service_code', [service.service_code]],
    ['email', [mail.from]],
    ['description', [description]],
  ]);
  if (place) {
    fields.set('lat', [String(place.lat)]);
    fields.set('long', [String(place.long)]);
  } else {
    fields.set('address_string', [typed && 'address' in typed ? typed.address : NO_LOCATION]);
  }
  return fields;
}

export async function fileMail(
  ic: IntakeContext,
  j: Jurisdiction,
  m: InboundMail,
  mail: ParsedMail,
  photos: MailPhotos,
): Promise<{ requestId: string; replayed: boolean }> {
  const { store } = ic.services;
  const key = await intakeKey(store);
  const token = newThreadToken();
  const file = async (service: ServiceRecord) => {
    const submitted = await requestServices.submitRequestOnce(ic.services, j, key, service, fieldsOf(mail, photos, service), photos.media, {
      channel: 'email',
      create: async (r) => (await store.mailIntake.fileRequest(m, r, token)).request,
    });
    return { requestId: submitted.requestId, replayed: submitted.replayed };
  };
  const matched = classify(mail.subject, ownWords(mail.text), await store.listServices(j.id));
  if (matched) {
    try {
      return await file(matched);
    } catch (e) {
      if (!isOpen311Failure(e) || e.status !== 400) throw e;
    }
  }
  return file(await triageService(store, j));
}
