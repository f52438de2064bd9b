/**
 * A new message filed as a request: the service its words name (else the
 * triage service), the location from a photo's EXIF (else typed in the body,
 * an address geocoded), the body without signature or contact details as the
 * public description, the sender as the private e-mail, the photos, and the
 * thread, written in one transaction with the message's row. A message the
 * matched service's checks refuse (a 400), or whose service asks required
 * questions, goes to triage as it is, never half-filed, with the matched
 * service suggested to staff; the mail as written is kept for staff.
 */
import { isOpen311Failure, MAX_DESCRIPTION_LENGTH, type FormFields } from '@o311/georeport';
import { requestServices } from '@o311/server';
import type { InboundMail, Jurisdiction, ServiceRecord } from '@o311/store';
import { classify, fileableByMail } from './classify.js';
import { geocodeAddress } from './geocode-address.js';
import type { IntakeContext } from './intake-context.js';
import { intakeKey } from './intake-key.js';
import { ownWords, typedLocation, type TypedLocation } from './mail-text.js';
import type { ParsedMail } from './parse-mail.js';
import type { MailPhotos } from './photos.js';
import { publicText } from './public-text.js';
import { keepOriginal, suggestService } from './staff-copy.js';
import { newThreadToken } from './thread-ids.js';
import { triageService } from './triage-service.js';

/** The address of a request whose mail named no place (staff ask the reporter). */
export const NO_LOCATION = 'No location given (e-mail)';

/** The first `max` code points (the limit counts them; a cut never splits a surrogate pair). */
const firstCodePoints = (text: string, max: number): string => Array.from(text).slice(0, max).join('');

type Place = { lat: number; long: number };

/** What a new message says, read once: the public description (subject and own words, contacts removed) and any place typed in it. */
interface Said {
  description: string;
  words: string;
  typed: TypedLocation | undefined;
}

function saidIn(mail: ParsedMail): Said {
  const words = ownWords(mail.text);
  const description = firstCodePoints(publicText([mail.subject, words].filter((t) => t !== '').join('\n\n')), MAX_DESCRIPTION_LENGTH);
  return { description, words, typed: typedLocation(words) };
}

async function placeOf(ic: IntakeContext, j: Jurisdiction, typed: TypedLocation | undefined, photos: MailPhotos, locale: string): Promise<Place | undefined> {
  if (photos.location) return photos.location;
  if (!typed) return undefined;
  return 'lat' in typed ? typed : geocodeAddress(ic, j, typed.address, locale);
}

function fieldsOf(mail: ParsedMail, said: Said, place: Place | undefined, service: ServiceRecord): FormFields {
  const { typed } = said;
  const fields: FormFields = new Map([
    ['service_code', [service.service_code]],
    ['email', [mail.from]],
    ['description', [said.description]],
  ]);
  if (place) {
    fields.set('lat', [String(place.lat)]);
    fields.set('long', [String(place.long)]);
    if (typed && 'address' in typed) fields.set('address_string', [typed.address]);
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
  locale: string,
): Promise<{ requestId: string; replayed: boolean }> {
  const { store } = ic.services;
  const key = await intakeKey(store);
  const token = newThreadToken();
  const said = saidIn(mail);
  const place = await placeOf(ic, j, said.typed, photos, locale);
  const file = async (service: ServiceRecord) => {
    const submitted = await requestServices.submitRequestOnce(ic.services, j, key, service, fieldsOf(mail, said, place, service), photos.media, {
      channel: 'email',
      create: async (r) => (await store.mailIntake.fileRequest(m, r, token)).request,
    });
    return { requestId: submitted.requestId, replayed: submitted.replayed };
  };
  const matched = classify(mail.subject, said.words, await store.listServices(j.id));
  let filed: { requestId: string; replayed: boolean } | undefined;
  if (matched && fileableByMail(matched)) {
    try {
      filed = await file(matched);
    } catch (e) {
      if (!isOpen311Failure(e) || e.status !== 400) throw e;
    }
  }
  if (!filed) {
    filed = await file(await triageService(store, j));
    if (!filed.replayed && matched) await suggestService(ic, j, filed.requestId, matched);
  }
  if (!filed.replayed) await keepOriginal(ic, j, filed.requestId, [mail.subject, mail.text].join('\n\n'), said.description);
  return filed;
}
