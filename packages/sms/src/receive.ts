/**
 * One inbound SMS, from any provider: our own numbers, redeliveries, floods
 * and opted-out numbers first, then STOP/START, then the conversation.
 * Everything the message changes (its provider id, the conversation, the log
 * with the replies) is written in one store transaction at the end; the
 * report, when the message confirms one, is filed just before it under the
 * conversation's idempotency key, so a retry after a crash between the two
 * files nothing twice. The messages of one number are answered one at a time
 * in a process; across processes a conversation saved meanwhile makes the
 * message start again from the new state.
 */
import { randomUUID } from 'node:crypto';
import type { Jurisdiction, NewSmsMessage, SmsConversation, SmsConversationWrite } from '@o311/store';
import { smsJurisdiction, type SmsChannel } from './channel.js';
import { converse, type ConversationState, type Turn } from './conversation.js';
import { fileReport } from './file-report.js';
import { cleanBody, MAX_SMS_BODY, type InboundSms } from './inbound.js';
import { keywordOf } from './keywords.js';
import { guessLanguage } from './language.js';
import { isSmsLocale, smsTexts, type SmsLocale } from './texts.js';
import { storeWorld } from './world.js';

export interface SmsAnswer {
  /** What to text back now, in order (the webhook's answer). */
  replies: string[];
  /** Why nothing was done, when nothing was. */
  ignored?: 'replayed' | 'flood' | 'opted-out' | 'no-jurisdiction' | 'unknown-number' | 'own-number' | 'id-reused';
}

const ignored = (why: NonNullable<SmsAnswer['ignored']>): SmsAnswer => ({ replies: [], ignored: why });

interface Reading {
  conversation: SmsConversation | undefined;
  /** undefined when there is none or it expired. */
  state: ConversationState | undefined;
  locale: SmsLocale;
}

async function read(ch: SmsChannel, j: Jurisdiction, sms: InboundSms, body: string): Promise<Reading> {
  const now = ch.ctx.now();
  const conversation = await ch.ctx.store.sms.conversation(j.id, sms.from);
  const live = conversation && conversation.updated_at >= now - ch.limits.conversationTtlMs ? conversation : undefined;
  const locale = conversation && isSmsLocale(conversation.locale) ? conversation.locale : guessLanguage(body, sms.from, ch.defaultLocale);
  return { conversation, state: live && stateOf(live.state), locale };
}

/** The stored state, or undefined (start again) when it is not one this version wrote. */
function stateOf(json: string): ConversationState | undefined {
  try {
    const state = JSON.parse(json) as Partial<ConversationState> | null;
    return state && typeof state.step === 'string' && typeof state.answers === 'object' ? (state as ConversationState) : undefined;
  } catch {
    return undefined;
  }
}

function writeOf(r: Reading, j: Jurisdiction, phone: string, turn: Turn): SmsConversationWrite {
  const version = r.conversation?.version ?? null;
  if (turn.state === null) return version === null ? { kind: 'keep' } : { kind: 'end', version };
  // A new (or expired, or one after a report filed) conversation gets a new id: the key of the report it will file.
  const fresh = !r.conversation || !r.state || (r.state.step === 'filed' && turn.state.step !== 'filed');
  const id = r.conversation && !fresh ? r.conversation.id : randomUUID();
  return { kind: 'save', version, conversation: { id, jurisdiction_id: j.id, phone, locale: turn.locale, state: JSON.stringify(turn.state) } };
}

/** The replies of a confirming turn: the report filed (and followed), or why not. */
async function file(ch: SmsChannel, j: Jurisdiction, r: Reading, turn: Turn & { file: NonNullable<Turn['file']> }, phone: string): Promise<Turn> {
  const t = smsTexts(turn.locale);
  const filed = await fileReport(ch.ctx, j, r.conversation?.id ?? '', turn.file.filed, phone);
  if (!filed.ok) return { ...turn, state: turn.file.filed, replies: [t('notFiled')] };
  const thanks = filed.id === null ? t('filedNoNumber') : t('filed', { id: filed.id });
  const done: Turn = { ...turn, state: { step: 'filed', filed: filed.id, answers: {} } };
  if (!turn.file.follow) return { ...done, replies: [thanks] };
  await ch.ctx.store.sms.subscribe(j.id, filed.requestId, { phone, locale: turn.locale }, ch.ctx.now());
  return { ...done, replies: [`${thanks} ${t('following')}`] };
}

async function turnOf(ch: SmsChannel, j: Jurisdiction, r: Reading, body: string, phone: string): Promise<Turn> {
  const t = smsTexts(r.locale);
  if (body.length > MAX_SMS_BODY) return { locale: r.locale, state: r.state ?? null, replies: [t('tooLong', { max: MAX_SMS_BODY })] };
  switch (keywordOf(body)?.kind) {
    case 'stop':
      await ch.ctx.store.sms.optOut(j.id, phone, ch.ctx.now());
      return { locale: r.locale, state: r.state ?? null, replies: [t('stopped')] };
    case 'start':
      await ch.ctx.store.sms.optIn(j.id, phone);
      return { locale: r.locale, state: r.state ?? null, replies: [t('started')] };
  }
  const turn = await converse({ locale: r.locale, state: r.state }, body, storeWorld(ch.ctx, j));
  return turn.file ? file(ch, j, r, { ...turn, file: turn.file }, phone) : turn;
}

/**
 * A message handled before: the same replies again when it is the same
 * number's (the gateway retries because our answer was lost); 'id-reused'
 * when the id is another number's message.
 */
async function redelivered(ch: SmsChannel, j: Jurisdiction, sms: InboundSms): Promise<SmsAnswer | undefined> {
  const claim = { provider: sms.provider, message_id: sms.messageId };
  if (!(await ch.ctx.store.sms.handled(claim.provider, claim.message_id))) return undefined;
  const replies = await ch.ctx.store.sms.repliesTo(claim, j.id, sms.from);
  return replies === undefined ? ignored('id-reused') : { replies, ignored: 'replayed' };
}

export async function receiveSms(ch: SmsChannel, sms: InboundSms): Promise<SmsAnswer> {
  const j = await smsJurisdiction(ch, sms.to);
  if (j === 'unknown-number') return ignored('unknown-number');
  if (!j) return ignored('no-jurisdiction');
  // A text from our own number would have us answer ourselves, forever.
  if (ch.numbers.has(sms.from) || ch.ownNumber === sms.from) return ignored('own-number');
  return ch.inTurn(`${j.id} ${sms.from}`, () => answerInTurn(ch, j, sms));
}

async function answerInTurn(ch: SmsChannel, j: Jurisdiction, sms: InboundSms): Promise<SmsAnswer> {
  const { store, postLimits } = ch.ctx;
  const again = await redelivered(ch, j, sms);
  if (again) return again;
  const now = ch.ctx.now();
  if (!(await postLimits.take(`sms:${sms.from}`, ch.limits.perNumberPerMinute, now)).allowed) return ignored('flood');
  if (!(await postLimits.take('sms:*', ch.limits.allPerMinute, now)).allowed) return ignored('flood');
  const body = cleanBody(sms.body);
  const claim = { provider: sms.provider, message_id: sms.messageId, at: now };
  const logged = (replies: readonly string[]): NewSmsMessage[] => [
    { jurisdiction_id: j.id, phone: sms.from, direction: 'in', body: body.slice(0, MAX_SMS_BODY), state: 'logged', at: now },
    ...replies.map((r) => ({ jurisdiction_id: j.id, phone: sms.from, direction: 'out' as const, body: r, state: 'logged' as const, at: now })),
  ];
  const keyword = keywordOf(body)?.kind;
  if (keyword !== 'start' && (await store.sms.optedOut(j.id, sms.from))) {
    // An opted-out number is texted nothing but the answer to HELP (carriers require it); its message is kept as received.
    const replies = keyword === 'help' ? [smsTexts((await read(ch, j, sms, body)).locale)('helpStopped')] : [];
    const done = await store.sms.exchange(claim, { kind: 'keep' }, logged(replies));
    if (!done.ok) return (await redelivered(ch, j, sms)) ?? ignored('replayed');
    return replies.length > 0 ? { replies } : ignored('opted-out');
  }
  // Each round, one of the messages racing for the conversation is saved; the flood limit bounds how many race.
  const attempts = ch.limits.perNumberPerMinute + 1;
  for (let attempt = 1; ; attempt++) {
    const r = await read(ch, j, sms, body);
    const turn = await turnOf(ch, j, r, body, sms.from);
    const done = await store.sms.exchange(claim, writeOf(r, j, sms.from, turn), logged(turn.replies));
    if (done.ok) return { replies: turn.replies };
    if (done.reason === 'replayed') return (await redelivered(ch, j, sms)) ?? ignored('replayed');
    if (attempt >= attempts) throw new Error(`the SMS conversation of a number kept changing under ${attempts} attempts`);
  }
}
