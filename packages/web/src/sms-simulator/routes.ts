/**
 * GET /channels/sms/simulator (the page, with the transcript of `?from=`) and
 * its POST (one message as that number, through the same receiver as the
 * providers' webhooks). Served only when the server enables the simulator;
 * it speaks as fictional numbers only (fictional-number.ts), and each client
 * may post SIMULATOR_POSTS_PER_MINUTE messages a minute.
 * With `Accept: application/json` both answer the transcript (the page's
 * script): the POST instead of redirecting.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { forbidden, tooManyRequests } from '@o311/georeport';
import { e164, firstNumber, receiveSms, smsJurisdiction, type SmsChannel } from '@o311/sms';
import type { WebContext } from '../context.js';
import { formRaw, formText } from '../form.js';
import { html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { translatorFor } from '../request-locale.js';
import { sendPublicPage } from '../citizen/page.js';
import { param, pathAndQuery, publicHandler } from '../citizen/public-handler.js';
import { sendRefused } from '../citizen/refused-page.js';
import type { FieldError } from '../citizen/report-check.js';
import { comesFromThisSite } from '../staff/auth/csrf.js';
import { isFictionalNumber } from './fictional-number.js';
import { SMS_SIMULATOR_PATH, simulatorPath } from './paths.js';
import { SIMULATOR_FIELDS, simulatorPage, type SimulatorView } from './simulator-page.js';
import { shownMessages, TRANSCRIPT_LENGTH, type ShownMessage } from './transcript.js';

const opts = { schema: { hide: true } };
/** The provider name of simulated messages (their ids are unique per provider). */
const SIMULATOR_PROVIDER = 'simulator';
export const SIMULATOR_POSTS_PER_MINUTE = 20;

/** The number as E.164 when the simulator may use it (a fictional one); e164 bounds what it reads. */
const simulated = (typed: string): string | undefined => {
  const number = e164(typed);
  return number !== undefined && isFictionalNumber(number) ? number : undefined;
};

const wantsJson = (request: FastifyRequest): boolean => (request.headers.accept ?? '').includes('application/json');

export function registerSmsSimulator(app: FastifyInstance, web: WebContext, ch: SmsChannel): void {
  async function transcript(t: Translator, from: string | undefined): Promise<ShownMessage[]> {
    const j = from === undefined ? undefined : await smsJurisdiction(ch);
    return j && j !== 'unknown-number' && from ? shownMessages(t, await web.services.store.sms.messagesOf(j.id, from, TRANSCRIPT_LENGTH)) : [];
  }

  async function page(request: FastifyRequest, reply: FastifyReply, view: Omit<SimulatorView, 'messages'>, status = 200): Promise<FastifyReply> {
    const t = translatorFor(request, reply);
    const messages = await transcript(t, simulated(view.from));
    return sendPublicPage(reply, web, t, {
      title: t('smsSimulator.title'),
      main: simulatorPage(t, { ...view, messages }),
      path: pathAndQuery(request),
      head: html`<link rel="stylesheet" href="/assets/sms-simulator.css">`,
      scripts: ['sms-simulator.js'],
      status,
    });
  }

  app.get(SMS_SIMULATOR_PATH, opts, publicHandler(web, async (request, reply) => {
    const from = simulated(param(request.query, 'from'));
    if (wantsJson(request)) return reply.header('cache-control', 'no-store').send({ messages: await transcript(translatorFor(request, reply), from) });
    return page(request, reply, { from: from ?? '', errors: [], noReply: param(request.query, 'replied') === 'no' });
  }));

  app.post(SMS_SIMULATOR_PATH, opts, publicHandler(web, async (request, reply) => {
    const t = translatorFor(request, reply);
    if (!comesFromThisSite(web, request)) {
      return sendRefused(reply, web, t, pathAndQuery(request), forbidden('This form must be sent from this site.'));
    }
    const { postLimits, now } = web.services;
    if (!(await postLimits.take(`sms-simulator-ip:${request.ip}`, SIMULATOR_POSTS_PER_MINUTE, now())).allowed) {
      reply.header('retry-after', '60');
      return sendRefused(reply, web, t, pathAndQuery(request), tooManyRequests(60));
    }
    const typed = formText(request, 'from');
    const from = simulated(typed);
    const body = formRaw(request, 'body');
    const errors: FieldError[] = [];
    if (from === undefined) errors.push({ id: SIMULATOR_FIELDS.from, message: t('smsSimulator.badNumber') });
    if (body.trim() === '') errors.push({ id: SIMULATOR_FIELDS.body, message: t('smsSimulator.emptyMessage') });
    if (from === undefined || errors.length > 0) {
      if (wantsJson(request)) return reply.code(400).send({ errors });
      return page(request, reply, { from: typed.slice(0, 32), errors, noReply: false }, 400);
    }
    // Texted to the channel's first number: the simulator speaks with the default jurisdiction.
    const answer = await receiveSms(ch, { provider: SIMULATOR_PROVIDER, messageId: randomUUID(), from, to: firstNumber(ch), body });
    const noReply = answer.replies.length === 0;
    if (wantsJson(request)) return reply.send({ messages: await transcript(t, from), noReply });
    const target = new URL(simulatorPath(from, 'sms-transcript'), 'http://x');
    if (noReply) target.searchParams.set('replied', 'no');
    return reply.redirect(`${target.pathname}${target.search}${target.hash}`, 303);
  }));
}
