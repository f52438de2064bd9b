/**
 * The `reporter.tick` job (every minute): closings of enrolled requests are
 * read from the change feed (a cursor of its own) into "is it fixed?"
 * questions, due after the jurisdiction's delay; each due question is mailed
 * once, in the reporter's language, with yes/no links to a confirm page. A
 * question whose request was reopened meanwhile, or whose reporter stopped
 * following it, is dropped. The mail is queued under a once-key before the
 * question is marked asked: a retry after a failure in between mails nothing twice.
 */
import { EXTENDED_STATUSES } from '@o311/georeport';
import type { ReporterQuestion } from '@o311/store';
import type { WebContext } from '../context.js';
import { DEFAULT_LOCALE, isLocale } from '../i18n/locales.js';
import { translator } from '../i18n/translate.js';
import { mailBase } from '../mail/notify.js';
import { reporterLinks } from './links.js';
import { fixedMail } from './mails.js';
import { fixedPath } from './paths.js';

export const REPORTER_CURSOR = 'reporter.questions';
const BATCH = 500;
const BATCHES_PER_TICK = 20;
const QUESTIONS_PER_TICK = 200;

/** Turns new closings into questions; returns how many. */
async function noteClosings(web: WebContext): Promise<number> {
  const { store, now } = web.services;
  let cursor = await store.changes.cursor(REPORTER_CURSOR);
  let added = 0;
  // A long feed (the first tick of a busy deployment) is read over several ticks.
  for (let n = 0; n < BATCHES_PER_TICK; n++) {
    const batch = await store.changes.after(cursor, BATCH, now());
    if (batch.length === 0) return added;
    const closings = batch.flatMap((c) =>
      c.kind === 'closed' && c.request_id !== null ? [{ change_id: c.id, jurisdiction_id: c.jurisdiction_id, request_id: c.request_id, at: c.at }] : [],
    );
    added += await store.reporter.noteClosings(closings);
    cursor = batch[batch.length - 1]!.id;
    await store.changes.saveCursor(REPORTER_CURSOR, cursor);
    if (batch.length < BATCH) return added;
  }
  return added;
}

async function ask(web: WebContext, q: ReporterQuestion): Promise<void> {
  const { store } = web.services;
  const j = await store.getJurisdiction(q.jurisdiction_id);
  const r = j && (await store.getRequest(j.id, q.request_id));
  const email = r?.reporter.email?.toLowerCase();
  const enrolled = r && (await store.reporter.enrollment(q.jurisdiction_id, q.request_id));
  const follower = email && (await store.listConfirmedFollowers(q.jurisdiction_id, q.request_id)).find((f) => f.email === email);
  if (j && r && email && enrolled && follower && EXTENDED_STATUSES[r.status] === 'closed') {
    const locale = enrolled.locale !== null && isLocale(enrolled.locale) ? enrolled.locale : DEFAULT_LOCALE;
    const links = await reporterLinks(web, j, r, locale, follower.unsubscribeSecret);
    const base = mailBase(web);
    const mail = fixedMail(translator(locale), email, { ...links, yes: `${base}${fixedPath(links.token, 'yes')}`, no: `${base}${fixedPath(links.token, 'no')}` });
    await web.mailer.send(mail, `reporter.fixed:${q.change_id}`);
  }
  await store.reporter.markAsked(q.change_id, web.services.now());
}

/** One tick; returns the questions handled (asked or dropped). */
export async function reporterTick(web: WebContext): Promise<number> {
  await noteClosings(web);
  const due = await web.services.store.reporter.dueQuestions(web.services.now(), QUESTIONS_PER_TICK);
  for (const q of due) await ask(web, q);
  return due.length;
}
