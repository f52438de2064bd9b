/**
 * One inbound message, from the SMTP listener or a file: the path every mail
 * takes. Refused (the listener answers 550/552): not for us, too large.
 * Ignored (recorded, never answered): loops, bounces, bulk, and a flood past
 * what the quarantine keeps. Quarantined (kept for an admin): malformed,
 * dangerous attachments, a sender over their limit (new mail and replies
 * counted apart), the jurisdiction over its limit of new mail, an unknown thread, a reply
 * on a thread from someone else, mail no service would take. Otherwise a reply on a thread becomes
 * the reporter's update, and a new message a request. A message seen before
 * (its Message-ID) gives back what it gave then and writes nothing.
 */
import { createHash } from 'node:crypto';
import { isOpen311Failure } from '@o311/georeport';
import { JOB, queueFollowerNotice, reporterReceiptOptions, reporterServices, type ReporterReceiptData } from '@o311/server';
import type { InboundMail, Jurisdiction } from '@o311/store';
import { addressedTo } from './addresses.js';
import { fileMail } from './file-mail.js';
import type { IntakeContext, MailEnvelope } from './intake-context.js';
import { ownDomain } from './intake-context.js';
import { loopReason } from './loop-guard.js';
import { ownWords } from './mail-text.js';
import { bytesMessageId, parseMail, type ParsedMail } from './parse-mail.js';
import { publicText } from './public-text.js';
import { keepOriginal } from './staff-copy.js';
import { isDangerous, mailPhotos } from './photos.js';
import { isOwnMessageId, tokenInThread } from './thread-ids.js';

export type IngestResult =
  | { verdict: 'refused'; reason: 'not-our-address' | 'too-large' | 'unknown-jurisdiction' }
  | { verdict: 'ignored'; reason: string }
  | { verdict: 'quarantined'; reason: string }
  | { verdict: 'filed'; requestId: string; replayed: boolean }
  | { verdict: 'update'; requestId: string; replayed: boolean; refused?: string };

const SHA = (s: string | Buffer): string => createHash('sha256').update(s).digest('hex');

function inboundOf(j: Jurisdiction, mail: Pick<ParsedMail, 'messageId' | 'from' | 'subject'>, at: number): InboundMail {
  return { jurisdiction_id: j.id, message_id: mail.messageId, sender: mail.from, subject: mail.subject, received_at: at };
}

/** Whether the quarantine may keep one more message of the sender (and of anyone) in this window. */
async function roomToHold(ic: IntakeContext, m: InboundMail): Promise<boolean> {
  const { rateLimits } = ic.services.store;
  const { heldPerSender, heldPerWindow, perSenderWindowMs } = ic.limits;
  const now = ic.services.now();
  const sender = await rateLimits.take(`mail-held:${SHA(m.sender)}`, heldPerSender, perSenderWindowMs, now);
  return sender.allowed && (await rateLimits.take(`mail-held-all:${m.jurisdiction_id}`, heldPerWindow, perSenderWindowMs, now)).allowed;
}

async function quarantine(ic: IntakeContext, m: InboundMail, reason: string, raw: Buffer): Promise<IngestResult> {
  if (!(await ic.services.store.mailIntake.find(m.jurisdiction_id, m.message_id)) && !(await roomToHold(ic, m))) return ignore(ic, m, 'flood');
  const claim = await ic.services.store.mailIntake.claim(m, 'quarantined', { reason, raw });
  return claim.claimed ? { verdict: 'quarantined', reason } : earlierResult(claim.earlier);
}

async function ignore(ic: IntakeContext, m: InboundMail, reason: string): Promise<IngestResult> {
  const claim = await ic.services.store.mailIntake.claim(m, 'ignored', { reason });
  return claim.claimed ? { verdict: 'ignored', reason } : earlierResult(claim.earlier);
}

function earlierResult(earlier: { verdict: string; reason: string | null; request_id: string | null }): IngestResult {
  if (earlier.verdict === 'filed' && earlier.request_id) return { verdict: 'filed', requestId: earlier.request_id, replayed: true };
  if (earlier.verdict === 'update' && earlier.request_id) return { verdict: 'update', requestId: earlier.request_id, replayed: true };
  if (earlier.verdict === 'ignored') return { verdict: 'ignored', reason: earlier.reason ?? 'seen' };
  return { verdict: 'quarantined', reason: earlier.reason ?? 'seen' };
}

/** Of a thread's Message-IDs, how many of the newest are looked up as the reporter's own earlier mail. */
const THREAD_IDS_LOOKED_UP = 10;

/**
 * The token of a request whose mail (the report, or a reply filed as an
 * update) this message answers: a reply to the plain address that keeps only
 * In-Reply-To/References of the reporter's own message.
 */
async function tokenOfAnswered(ic: IntakeContext, j: Jurisdiction, thread: readonly string[]): Promise<string | undefined> {
  for (const id of thread.slice(-THREAD_IDS_LOOKED_UP).reverse()) {
    const earlier = await ic.services.store.mailIntake.find(j.id, id);
    if ((earlier?.verdict === 'filed' || earlier?.verdict === 'update') && earlier.request_id) {
      return (await ic.services.store.mailIntake.threadOf(j.id, earlier.request_id))?.token;
    }
  }
  return undefined;
}

/**
 * Why a message must wait for an admin, if it is over a limit (store-backed:
 * holds across processes): a sender's new messages, all new messages of the
 * jurisdiction, or a sender's replies on their threads, each counted apart.
 */
async function overLimit(ic: IntakeContext, j: Jurisdiction, sender: string, reply: boolean): Promise<string | undefined> {
  const { perSenderLimit, perSenderReplies, newPerWindow, perSenderWindowMs: window } = ic.limits;
  const { rateLimits } = ic.services.store;
  const now = ic.services.now();
  if (reply) return (await rateLimits.take(`mail-reply:${SHA(sender)}`, perSenderReplies, window, now)).allowed ? undefined : 'sender-limit';
  if (!(await rateLimits.take(`mail-in:${SHA(sender)}`, perSenderLimit, window, now)).allowed) return 'sender-limit';
  return (await rateLimits.take(`mail-new-all:${j.id}`, newPerWindow, window, now)).allowed ? undefined : 'intake-limit';
}

async function reporterReply(
  ic: IntakeContext, j: Jurisdiction, m: InboundMail, mail: ParsedMail, requestId: string, raw: Buffer, release: IngestOptions['release'],
): Promise<IngestResult> {
  const { store } = ic.services;
  const request = await store.getRequest(j.id, requestId);
  if (!request?.reporter.email || request.reporter.email.toLowerCase() !== mail.from) return quarantine(ic, m, 'not-the-reporter', raw);
  const claim = await store.mailIntake.claim(m, 'update', { request_id: requestId, ...(release !== undefined && { replaces: release }) });
  if (!claim.claimed) return earlierResult(claim.earlier);
  try {
    const { media } = await mailPhotos(mail.attachments, { ...ic.services.limits, maxMediaFiles: 1 });
    const comment = publicText(ownWords(mail.text)).slice(0, reporterServices.MAX_REPORTER_COMMENT);
    const done = await reporterServices.addReporterUpdate(ic.services, j, requestId, { comment, reopen: false, ...(media[0] && { photo: media[0] }) });
    if (done.ok) await keepOriginal(ic, j, requestId, mail.text, comment);
    await store.mailIntake.noteReply(j.id, requestId, mail.messageId);
    // The update is filed: a notice that cannot be queued is reported, never a reason to take the mail again.
    if (done.ok) await queueFollowerNotice(ic.services, j.id, requestId).catch((e: unknown) => ic.onError?.(e));
    return { verdict: 'update', requestId, replayed: false, ...(!done.ok && { refused: done.reason }) };
  } catch (e) {
    await store.mailIntake.unclaim(claim.id);
    throw e;
  }
}

/** The language the reporter wrote in, as their mail client says (Content-Language); English otherwise. */
function mailLocale(mail: ParsedMail): string {
  const tag = mail.headers.get('content-language')?.trim().slice(0, 2).toLowerCase();
  return tag === 'es' || tag === 'fr' ? tag : 'en';
}

async function queueReceipt(ic: IntakeContext, j: Jurisdiction, requestId: string, mail: ParsedMail): Promise<void> {
  const data: ReporterReceiptData = { jurisdictionId: j.id, requestId, locale: mailLocale(mail) };
  await ic.services.jobs.enqueue(JOB.reporterReceipt, data, reporterReceiptOptions(data));
}

async function newMessage(ic: IntakeContext, j: Jurisdiction, m: InboundMail, mail: ParsedMail, raw: Buffer, released: boolean): Promise<IngestResult> {
  if (!released && mail.attachments.some(isDangerous)) return quarantine(ic, m, 'attachment-type', raw);
  const photos = await mailPhotos(mail.attachments.filter((a) => !isDangerous(a)), ic.services.limits);
  let filed;
  try {
    filed = await fileMail(ic, j, m, mail, photos, mailLocale(mail));
  } catch (e) {
    // Even the triage service refused it (say, coordinates off the map): an admin reads it.
    if (isOpen311Failure(e) && e.status < 500) return quarantine(ic, m, 'unfileable', raw);
    throw e;
  }
  if (!filed.replayed) await queueReceipt(ic, j, filed.requestId, mail);
  return { verdict: 'filed', requestId: filed.requestId, replayed: filed.replayed };
}

export interface IngestOptions {
  /** An admin releases this quarantined message (its row id): past the sender's limit and the attachment check. */
  release?: string;
}

export async function ingestMail(ic: IntakeContext, raw: Buffer, envelope: MailEnvelope, o: IngestOptions = {}): Promise<IngestResult> {
  if (raw.byteLength > ic.limits.maxMessageBytes) return { verdict: 'refused', reason: 'too-large' };
  // A file has no envelope: its headers name the recipients (a reply's plus address among them).
  const read = envelope.rcptTo.length === 0 ? await parseMail(raw, ic.limits) : undefined;
  const named = envelope.rcptTo.length > 0 ? envelope.rcptTo : read?.ok ? read.mail.recipients : [];
  const recipients = [...named, ...(envelope.handedInFor ? [envelope.handedInFor] : [])]
    .map((r) => addressedTo(r, ic.addresses))
    .filter((a) => a !== undefined);
  // A Reply-All names the plain address too: the thread's address wins.
  const to = recipients.find((a) => a.token !== undefined) ?? recipients[0];
  if (!to) return { verdict: 'refused', reason: 'not-our-address' };
  const { store, now } = ic.services;
  const j = await store.getJurisdiction(to.intake.jurisdiction_id);
  if (!j) return { verdict: 'refused', reason: 'unknown-jurisdiction' };
  const parsed = read ?? (await parseMail(raw, ic.limits));
  if (!parsed.ok) {
    const sender = envelope.mailFrom?.toLowerCase() ?? '';
    return quarantine(ic, inboundOf(j, { messageId: bytesMessageId(raw), from: sender, subject: '' }, now()), parsed.reason, raw);
  }
  const mail = parsed.mail;
  const m = inboundOf(j, mail, now());
  const domain = ownDomain(ic.addresses);
  const ours = isOwnMessageId(mail.messageId, domain) || addressedTo(mail.from, ic.addresses) !== undefined;
  const loop = loopReason(envelope.mailFrom, mail.from, mail.headers, ours);
  if (loop) return ignore(ic, m, loop);
  const earlier = await store.mailIntake.find(j.id, mail.messageId);
  const released = o.release !== undefined && earlier?.id === o.release && earlier.verdict === 'quarantined';
  if (earlier && !released) return earlierResult(earlier);
  const token = to.token ?? tokenInThread(mail.thread, domain) ?? (await tokenOfAnswered(ic, j, mail.thread));
  const limited = released ? undefined : await overLimit(ic, j, mail.from, token !== undefined);
  if (limited) return quarantine(ic, m, limited, raw);
  if (token === undefined) return newMessage(ic, j, m, mail, raw, released);
  const thread = await store.mailIntake.threadByToken(token);
  if (!thread || thread.jurisdiction_id !== j.id) return quarantine(ic, m, 'unknown-thread', raw);
  return reporterReply(ic, j, m, mail, thread.request_id, raw, released ? o.release : undefined);
}
