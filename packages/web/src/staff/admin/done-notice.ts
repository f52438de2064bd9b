/** The confirmation shown after a change (Post/Redirect/Get: `?done=<code>`). */
import type { FastifyRequest } from 'fastify';
import type { Html } from '../../html.js';
import type { MessageKey, Translator } from '../../i18n/translate.js';
import { notice } from '../forms/error-summary.js';

export function doneNotice(request: FastifyRequest, t: Translator, messages: Readonly<Record<string, MessageKey>>): Html {
  const done = (request.query as Record<string, unknown> | undefined)?.done;
  const key = typeof done === 'string' && Object.hasOwn(messages, done) ? messages[done] : undefined;
  return notice(key ? t(key) : undefined);
}
