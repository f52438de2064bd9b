/** The three web apps (citizen reporting, tracker, staff back office) as one set of routes on the o311 server. */
import cookie from '@fastify/cookie';
import './fastify-plugins.js';
import type { AppPlugin } from '@o311/server';
import { registerAccountRoutes } from './account/routes.js';
import { registerAccountJobs } from './account/reminders.js';
import { registerAssets } from './assets.js';
import { sendNotFound } from './citizen/not-found.js';
import { sendRefused } from './citizen/refused-page.js';
import { registerCitizenRoutes } from './citizen/routes.js';
import { registerDiscoverRoutes } from './discover/routes.js';
import type { WebContext, WebOptions } from './context.js';
import { registerMailJobs } from './mail/mail-jobs.js';
import { queueReceipt } from './reporter/receipt.js';
import { registerReporterRoutes } from './reporter/routes.js';
import { createMailer } from './mail/mailer.js';
import { translatorFor } from './request-locale.js';
import { notifySafely } from './mail/notify-safely.js';
import { registerPwaRoutes } from './pwa/routes.js';
import { registerStaffPages } from './staff/routes.js';
import { registerStatusRoutes } from './status/routes.js';
import { registerTrackerRoutes } from './tracker/routes.js';
import { registerValidateRoutes } from './validate/routes.js';
import { registerDashboardRoutes } from './dashboard/routes.js';
import { registerOpenDataPages } from './open-data/routes.js';
import { registerDeveloperPages } from './developers/routes.js';
import { mailKeyDecision } from './developers/decision-mail.js';
import { registerSmsChannel } from './sms-simulator/sms-channel.js';

export function webPlugin(options: WebOptions = {}): AppPlugin {
  return async (app, services) => {
    if (options.apiKey && (await services.store.findApiKey(options.apiKey))?.trusted) {
      // The citizen pages publish their key: a trusted one would let anyone post status updates.
      throw new Error('the web app key is public, so it must not be a trusted key: give a plain key (or none)');
    }
    await app.register(cookie);
    const web: WebContext = { services, options, mailer: createMailer(services, options) };
    await registerAssets(app);
    await registerCitizenRoutes(app, web);
    await registerTrackerRoutes(app, web);
    registerReporterRoutes(app, web);
    await registerDiscoverRoutes(app, web);
    await registerAccountRoutes(app, web);
    await registerStatusRoutes(app, web);
    await registerValidateRoutes(app, web);
    await registerDashboardRoutes(app, web);
    await registerOpenDataPages(app, web);
    registerDeveloperPages(app, web);
    await registerStaffPages(app, web);
    registerPwaRoutes(app, web);
    await registerMailJobs(web);
    await registerAccountJobs(web);
    services.publicChange = (request, jurisdictionId, requestId) => notifySafely(web, request, jurisdictionId, requestId);
    services.requestFiled = (request, j, key, requestId) => queueReceipt(web, request, j, requestId, { key });
    services.keyRequestDecided = (decision) => mailKeyDecision(web, decision);
    if (options.sms) await registerSmsChannel(app, web, options.sms);
    services.htmlNotFound = async (request, reply) =>
      sendNotFound(reply, web, translatorFor(request, reply), request.url);
    services.htmlFailure = async (request, reply, failure) =>
      sendRefused(reply, web, translatorFor(request, reply), request.url, failure);
  };
}
