/**
 * The `account.reminders` job (hourly): for each open request of an account
 * with reminders on that went past its expected date in the last week, one
 * mail to the account's address, queued under a once-key per account and
 * request, so that later runs (and a retried run) never mail it again. Then
 * forgets sign-in links and sessions expired for a day. No HTTP request here:
 * links come from the configured public URL, else the server's own origin.
 */
import { JOB, SCHEDULE } from '@o311/server';
import type { OverdueRequest } from '@o311/store';
import type { WebContext } from '../context.js';
import { DEFAULT_LOCALE, isLocale } from '../i18n/locales.js';
import { translator } from '../i18n/translate.js';
import { composeMail } from '../mail/compose.js';
import { mailBase } from '../mail/notify.js';
import { trackerPath } from '../tracker/paths.js';
import { accountPath } from './paths.js';

const DAY = 86_400_000;
/** A request overdue for longer when the job first sees it (reminders switched on late, a long outage) is not worth a mail. */
export const REMINDER_WINDOW_MS = 7 * DAY;
const BATCH = 200;

export const reminderOnceKey = (o: OverdueRequest): string => `${JOB.accountReminders}:${o.account.id}:${o.request.id}`;

async function remind(web: WebContext, o: OverdueRequest, timezones: Map<string, string>): Promise<void> {
  const t = translator(o.account.locale !== null && isLocale(o.account.locale) ? o.account.locale : DEFAULT_LOCALE);
  const base = mailBase(web);
  const { request } = o;
  const mail = composeMail({
    to: o.account.email,
    lang: t.locale,
    subject: t('account.mail.overdue.subject', { id: request.id }),
    paragraphs: [
      t('account.mail.overdue.intro', {
        id: request.id,
        service: request.service_name,
        when: t.date(request.expected_at ?? request.requested_at, timezones.get(request.jurisdiction_id) ?? 'UTC'),
      }),
    ],
    action: { label: t('account.mail.overdue.action'), url: `${base}${trackerPath(request.id)}` },
    unsubscribe: { label: t('account.mail.overdue.stop'), url: `${base}${accountPath()}#reminders` },
  });
  await web.mailer.send(mail, reminderOnceKey(o));
}

/** Returns how many overdue requests were looked at (each mailed once, ever). */
export async function sendOverdueReminders(web: WebContext): Promise<number> {
  const { store, now } = web.services;
  const at = now();
  const timezones = new Map((await store.listJurisdictions()).map((j) => [j.id, j.timezone]));
  let seen = 0;
  let after: { expected_at: number; id: string } | undefined;
  for (;;) {
    const page = await store.citizens.listOverdue({ from: at - REMINDER_WINDOW_MS, to: at, limit: BATCH, ...(after && { after }) });
    for (const o of page) await remind(web, o, timezones);
    seen += page.length;
    const last = page.at(-1);
    if (page.length < BATCH || !last) break;
    after = { expected_at: last.request.expected_at ?? at, id: last.request.id };
  }
  await store.citizens.prune(at - DAY);
  return seen;
}

export async function registerAccountJobs(web: WebContext): Promise<void> {
  const { jobs } = web.services;
  await jobs.work(JOB.accountReminders, async () => {
    await sendOverdueReminders(web);
  });
  // A missed run is made up by the next one: the window is a week.
  await jobs.schedule(JOB.accountReminders, SCHEDULE[JOB.accountReminders], {}, { retryLimit: 1, retryDelayMs: 5 * 60_000 });
}
