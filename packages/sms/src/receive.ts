/**
 * One inbound SMS, from any provider: replays, floods and opted-out numbers
 * first, then STOP/START, then the conversation. Everything the message
 * changes (its provider id, the conversation, the log) is written in one
 * store transaction at the end; the report, when the message confirms one,
 * is filed just before it under the conversation's idempotency key, so a
 * retry after a crash between the two files nothing twice.
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
  ignored?: 'replayed' | 'flood' | 'opted-out' | 'no-jurisdiction' | 'unknown-number';
}

const ignored = (why: NonNullable<SmsAnswer['ignored']>): SmsAnswer => ({ replies: [], ignored: why });

/** Conflicting saves (two messages of one number at once) are tried again this often. */
const ATTEMPTS = 3;

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
  // A new (or expired) conversation gets a new id: the key of the report it will file.
  const id = r.conversation && r.state ? r.conversation.id : randomUUID();
  return { kind: 'save', version, conversation: { id, jurisdiction_id: j.id, phone, locale: turn.locale, state: JSON.stringify(turn.state) } };
}

/** The replies of a confirming turn: the report filed (and followed), or why not. */
async function file(ch: SmsChannel, j: Jurisdiction, r: Reading, turn: Turn & { file: NonNullable<Turn['file']> }, phone: string): Promise<Turn> {
  const t = smsTexts(turn.locale);
  const filed = await fileReport(ch.ctx, j, r.conversation?.id ?? '', turn.file.filed, phone);
  if (!filed.ok) return { ...turn, state: turn.file.filed, replies: [t('notFiled')] };
  const thanks = filed.id === null ? t('filedNoNumber') : t('filed', { id: filed.id });
  if (!turn.file.follow) return { ...turn, replies: [thanks] };
  await ch.ctx.store.sms.subscribe(j.id, filed.requestId, { phone, locale: turn.locale }, ch.ctx.now());
  return { ...turn, replies: [`${thanks} ${t('following')}`] };
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

export async function receiveSms(ch: SmsChannel, sms: InboundSms): Promise<SmsAnswer> {
  const { store, postLimits } = ch.ctx;
  const j = await smsJurisdiction(ch, sms.to);
  if (j === 'unknown-number') return ignored('unknown-number');
  if (!j) return ignored('no-jurisdiction');
  if (await store.sms.handled(sms.provider, sms.messageId)) return ignored('replayed');
  const now = ch.ctx.now();
  if (!(await postLimits.take(`sms:${sms.from}`, ch.limits.perNumberPerMinute, now)).allowed) return ignored('flood');
  if (!(await postLimits.take('sms:*', ch.limits.allPerMinute, now)).allowed) return ignored('flood');
  const body = cleanBody(sms.body);
  const claim = { provider: sms.provider, message_id: sms.messageId, at: now };
  const logged = (replies: readonly string[]): NewSmsMessage[] => [
    { jurisdiction_id: j.id, phone: sms.from, direction: 'in', body: body.slice(0, MAX_SMS_BODY), state: 'logged', at: now },
    ...replies.map((r) => ({ jurisdiction_id: j.id, phone: sms.from, direction: 'out' as const, body: r, state: 'logged' as const, at: now })),
  ];
  if (keywordOf(body)?.kind !== 'start' && (await store.sms.optedOut(j.id, sms.from))) {
    // An opted-out number is never texted, not even to say so; its message is kept as received.
    const done = await store.sms.exchange(claim, { kind: 'keep' }, logged([]));
    return ignored(done.ok ? 'opted-out' : 'replayed');
  }
  for (let attempt = 1; ; attempt++) {
    const r = await read(ch, j, sms, body);
    const turn = await turnOf(ch, j, r, body, sms.from);
    const done = await store.sms.exchange(claim, writeOf(r, j, sms.from, turn), logged(turn.replies));
    if (done.ok) return { replies: turn.replies };
    if (done.reason === 'replayed') return ignored('replayed');
    if (attempt === ATTEMPTS) throw new Error(`the SMS conversation of a number kept changing under ${ATTEMPTS} attempts`);
  }
}
