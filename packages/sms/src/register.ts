/**
 * Turns the SMS channel on for a server: the configured provider's webhook,
 * the send and tick jobs. Called by the web plugin (which adds the simulator
 * page when asked); answers the channel for it.
 *
 *   POST /channels/sms/inbound/twilio   Twilio (form, X-Twilio-Signature, TwiML answer)
 *   POST /channels/sms/inbound          our neutral JSON (X-O311-Signature, {replies})
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServiceContext } from '@o311/server';
import { smsChannel, type SmsChannel, type SmsLimits } from './channel.js';
import { SmsError } from './errors.js';
import type { InboundProblem, InboundSms } from './inbound.js';
import { SMS_JOB, SMS_TICK_SCHEDULE, type SmsSendData } from './jobs.js';
import type { SmsSender } from './outbound/sender.js';
import { receiveSms } from './receive.js';
import { sendQueued } from './send-queue.js';
import { startStatusFeed, textStatusChanges } from './status-updates.js';
import type { SmsLocale } from './texts.js';
import { NEUTRAL_SIGNATURE_HEADER, neutralSigned, readNeutral } from './webhooks/neutral.js';
import { TWILIO_SIGNATURE_HEADER, readTwilio, twilioSigned, twiml } from './webhooks/twilio.js';

export const SMS_PROVIDERS = ['twilio', 'neutral'] as const;
export type SmsProvider = (typeof SMS_PROVIDERS)[number];

export const SMS_INBOUND_PATH = '/channels/sms/inbound';
export const TWILIO_INBOUND_PATH = `${SMS_INBOUND_PATH}/twilio`;

/** Bytes of a webhook body: 1,600 characters of four bytes each, percent-encoded, and the envelope. */
const WEBHOOK_BODY_LIMIT = 32 * 1024;
/** The shortest secret accepted: a guessable HMAC key would let anyone file reports as any number. */
export const MIN_SMS_SECRET = 16;
/** The SMS log (bodies and numbers) is kept this long. */
const LOG_KEPT_MS = 30 * 24 * 3_600_000;

export interface SmsOptions {
  provider: SmsProvider;
  /** Twilio: the account's auth token; neutral: the HMAC key of X-O311-Signature. */
  secret: string;
  sender: SmsSender;
  /** The base URL the provider calls (Twilio signs it); default: the server's public URL. */
  webhookBase?: string;
  jurisdictionId?: string;
  /** Our numbers (E.164) and their jurisdictions (undefined: `jurisdictionId`); messages to others are refused with a 400. */
  numbers?: ReadonlyMap<string, string | undefined>;
  /** The number texts are sent from (`--sms-from`); a message from it is ignored. */
  from?: string;
  defaultLocale?: SmsLocale;
  limits?: Partial<SmsLimits>;
}

const problemText: Record<InboundProblem | 'bad-body', string> = {
  'bad-sender': 'From is not an international phone number (+ and 8 to 15 digits)',
  'bad-message-id': 'the message id is missing, too long or not made of letters, digits, dots, colons, dashes and underscores',
  'bad-body': 'the body is not the JSON object {message_id, from, to, body} of strings',
};

function refuse(reply: FastifyReply, status: 400 | 403 | 409 | 500, message: string): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send({ error: message });
}

const header = (request: FastifyRequest, name: string): string | undefined => {
  const v = request.headers[name];
  return typeof v === 'string' ? v : undefined;
};

async function answer(ch: SmsChannel, sms: InboundSms | InboundProblem | 'bad-body', reply: FastifyReply, format: (replies: string[]) => unknown): Promise<unknown> {
  if (typeof sms === 'string') return refuse(reply, 400, problemText[sms]);
  const { replies, ignored } = await receiveSms(ch, sms);
  if (ignored === 'unknown-number') return refuse(reply, 400, 'To is not one of the numbers this server answers');
  if (ignored === 'id-reused') return refuse(reply, 409, 'this message id was already used by a message of another number');
  return format(replies);
}

function registerWebhook(scope: FastifyInstance, ch: SmsChannel, o: SmsOptions): void {
  // The webhooks answer in their own shape, also when something unexpected failed (the gateway may retry).
  scope.setErrorHandler((err: FastifyError, request, reply) => {
    const status = typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) request.log.error({ err }, 'SMS webhook failed');
    return reply.code(status).type('application/json; charset=utf-8')
      .send({ error: status === 500 ? 'the message could not be handled; nothing was saved, send it again' : err.message });
  });
  if (o.provider === 'twilio') {
    const base = (o.webhookBase ?? ch.ctx.publicUrl ?? ch.ctx.origin.announced).replace(/\/+$/, '');
    scope.post(TWILIO_INBOUND_PATH, { bodyLimit: WEBHOOK_BODY_LIMIT }, async (request, reply) => {
      const params = new URLSearchParams(typeof request.body === 'string' ? request.body : '');
      if (!twilioSigned(o.secret, base + request.url, params, header(request, TWILIO_SIGNATURE_HEADER))) {
        return refuse(reply, 403, 'X-Twilio-Signature is missing or wrong');
      }
      return answer(ch, readTwilio(params), reply, (replies) => reply.type('text/xml; charset=utf-8').send(twiml(replies)));
    });
    return;
  }
  scope.removeContentTypeParser('application/json');
  scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: WEBHOOK_BODY_LIMIT }, (_request, body, done) => done(null, body));
  scope.post(SMS_INBOUND_PATH, { bodyLimit: WEBHOOK_BODY_LIMIT }, async (request, reply) => {
    const raw = typeof request.body === 'string' ? request.body : '';
    if (!neutralSigned(o.secret, raw, header(request, NEUTRAL_SIGNATURE_HEADER))) {
      return refuse(reply, 403, 'X-O311-Signature is missing or wrong');
    }
    return answer(ch, readNeutral(raw), reply, (replies) => reply.send({ replies }));
  });
}

export async function registerSms(app: FastifyInstance, ctx: ServiceContext, o: SmsOptions): Promise<SmsChannel> {
  if (o.secret.length < MIN_SMS_SECRET) throw new SmsError('config', `the SMS secret must be at least ${MIN_SMS_SECRET} characters`);
  const ch = smsChannel(ctx, { sender: o.sender, jurisdictionId: o.jurisdictionId, numbers: o.numbers, from: o.from, defaultLocale: o.defaultLocale, limits: o.limits });
  await app.register(async (scope) => registerWebhook(scope, ch, o));
  await startStatusFeed(ch);
  await ctx.jobs.work<SmsSendData>(SMS_JOB.send, (job) => sendQueued(ch, job.data));
  await ctx.jobs.work(SMS_JOB.tick, async () => {
    await textStatusChanges(ch);
    await ctx.store.sms.expireConversations(ctx.now() - ch.limits.conversationTtlMs);
    await ctx.store.sms.prune(ctx.now() - LOG_KEPT_MS);
  });
  // A missed tick is made up by the next one; one pending at most (also when a restart turned SMS off).
  await ctx.jobs.schedule(SMS_JOB.tick, SMS_TICK_SCHEDULE, {}, { retryLimit: 0, singletonKey: SMS_JOB.tick });
  return ch;
}
