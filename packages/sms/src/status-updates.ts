/**
 * Status updates by SMS: the `sms.tick` job reads the request change feed
 * from its own cursor and texts each follower of a changed request its new
 * status, once per status (a note or comment alone is not worth an SMS).
 */
import type { ExtendedStatus } from '@o311/georeport';
import type { SmsChannel } from './channel.js';
import { SMS_JOB } from './jobs.js';
import { queueSms } from './send-queue.js';
import { serviceName } from './service-name.js';
import { isSmsLocale, smsTexts, DEFAULT_SMS_LOCALE, type SmsLocale } from './texts.js';

export const SMS_FEED_CONSUMER = 'sms.status';
const BATCH = 200;
/** Characters of a status note in an SMS (the tracker has the rest). */
const MAX_NOTE = 240;

/** A new consumer starts from now: a server that turns SMS on does not text old changes. */
export async function startStatusFeed(ch: SmsChannel): Promise<void> {
  const { changes } = ch.ctx.store;
  if ((await changes.cursor(SMS_FEED_CONSUMER)) === 0) await changes.saveCursor(SMS_FEED_CONSUMER, await changes.latest());
}

async function textStatus(ch: SmsChannel, jurisdiction_id: string, request_id: string): Promise<number> {
  const { store } = ch.ctx;
  const followers = await store.sms.subscribers(jurisdiction_id, request_id);
  if (followers.length === 0) return 0;
  const request = await store.getPublicRequest(jurisdiction_id, request_id);
  if (!request) return 0;
  const names = new Map<SmsLocale, Promise<string>>();
  const nameIn = (locale: SmsLocale): Promise<string> => {
    const name = names.get(locale) ?? serviceName(store, jurisdiction_id, request.service_code, locale);
    names.set(locale, name);
    return name;
  };
  let texted = 0;
  for (const f of followers) {
    // Followers follow from filing, when a request is open. Marked told before the SMS is
    // queued, and only if no other job marked it first: at most one SMS per change.
    if ((f.last_status ?? 'open') === request.status) continue;
    if (!(await store.sms.told(jurisdiction_id, request_id, f.phone, f.last_status, request.status))) continue;
    const locale = isSmsLocale(f.locale) ? f.locale : DEFAULT_SMS_LOCALE;
    const t = smsTexts(locale);
    const update = t('statusUpdate', {
      id: request.id, service: await nameIn(locale), status: t(`status.${request.status satisfies ExtendedStatus}`),
    });
    const note = request.status_notes?.trim().slice(0, MAX_NOTE);
    const body = note ? t('statusNote', { update, note }) : update;
    if ((await queueSms(ch.ctx, { jurisdiction_id, phone: f.phone, body })).queued) texted++;
  }
  return texted;
}

/** Handles the changes since the cursor; returns how many SMS it queued. */
export async function textStatusChanges(ch: SmsChannel): Promise<number> {
  const { changes } = ch.ctx.store;
  let texted = 0;
  for (;;) {
    const batch = await changes.after(await changes.cursor(SMS_FEED_CONSUMER), BATCH, ch.ctx.now());
    const last = batch.at(-1);
    if (!last) return texted;
    // A request changed several times in the batch is read once: its followers are told its status now.
    const changed = new Map<string, { jurisdiction_id: string; request_id: string }>();
    for (const c of batch) {
      if (c.request_id !== null && (c.kind === 'updated' || c.kind === 'closed')) {
        changed.set(`${c.jurisdiction_id} ${c.request_id}`, { jurisdiction_id: c.jurisdiction_id, request_id: c.request_id });
      }
    }
    for (const r of changed.values()) texted += await textStatus(ch, r.jurisdiction_id, r.request_id);
    await changes.saveCursor(SMS_FEED_CONSUMER, last.id);
    if (batch.length < BATCH) return texted;
  }
}

/**
 * Asks for a tick now (after a public change made through the APIs), rather
 * than at the next minute; never throws: the change has already happened.
 */
export async function queueStatusTexts(ch: SmsChannel, log: { error(o: object, msg: string): void }): Promise<void> {
  try {
    await ch.ctx.jobs.enqueue(SMS_JOB.tick, {}, { singletonKey: SMS_JOB.tick, retryLimit: 0 });
  } catch (err) {
    log.error({ err }, 'queueing the SMS status texts failed');
  }
}
