/**
 * Turns the SMS channel on with the web apps: the provider's webhook and jobs
 * (@o311/sms), status texts queued at once after a public change made through
 * the APIs (the minute tick catches the others), and the simulator when asked.
 */
import type { FastifyInstance } from 'fastify';
import { queueStatusTexts, registerSms, type SmsOptions } from '@o311/sms';
import type { WebContext } from '../context.js';
import { registerSmsSimulator } from './routes.js';

export async function registerSmsChannel(app: FastifyInstance, web: WebContext, options: SmsOptions & { simulator?: boolean }): Promise<void> {
  const { services } = web;
  const ch = await registerSms(app, services, options);
  const before = services.publicChange;
  services.publicChange = async (request, jurisdictionId, requestId) => {
    await before?.(request, jurisdictionId, requestId);
    await queueStatusTexts(ch, request.log);
  };
  if (options.simulator) registerSmsSimulator(app, web, ch);
}
