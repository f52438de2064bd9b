/**
 * The account app: sign-in (sign-in-routes.ts), My reports at /account, follow
 * and unfollow, the reminder setting, the exports and deleting the account.
 * Every route but sign-in and the page after deletion is behind accountGuard.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WebContext } from '../context.js';
import { formText, readForm } from '../form.js';
import { sendPublicPage } from '../citizen/page.js';
import { param, pathAndQuery, publicHandler } from '../citizen/public-handler.js';
import { webJurisdiction } from '../citizen/jurisdiction.js';
import { translatorFor } from '../request-locale.js';
import { trackerPath } from '../tracker/paths.js';
import { accountPage, type AccountNotice } from './account-page.js';
import { currentCitizen, rememberCitizen } from './authenticate.js';
import { deletedPage, deletePage } from './delete-pages.js';
import { exportAccount, exportCsv } from './export-data.js';
import { followRequest, unfollowRequest, type FollowInput } from './follow-actions.js';
import { accountCsrfField, accountGuard } from './guard.js';
import { loadMyReports } from './my-reports.js';
import { accountPath, ACCOUNT_PATH, DELETE_PATH, DELETED_PATH, EXPORT_CSV_PATH, EXPORT_JSON_PATH, FOLLOW_PATH, REMINDERS_PATH, UNFOLLOW_PATH } from './paths.js';
import { clearAccountCookie } from './session-cookie.js';
import { registerSignInRoutes } from './sign-in-routes.js';

/** The highest page number read from a request (My reports then shows its last page at most). */
const MAX_PAGE = 10_000;

function pageOf(value: string): number {
  const n = /^[1-9][0-9]{0,5}$/.test(value) ? Number(value) : 1;
  return Math.min(n, MAX_PAGE);
}

function noticeOf(query: unknown): AccountNotice {
  const done = param(query, 'done');
  const id = param(query, 'id').slice(0, 50);
  if (done === 'reminders') return { kind: 'reminders' };
  if ((done === 'followed' || done === 'unfollowed' || done === 'follow-unknown') && id !== '') return { kind: done, id };
  return undefined;
}

const followInput = (request: FastifyRequest): FollowInput => ({ jurisdiction_id: formText(request, 'jurisdiction_id'), request_id: formText(request, 'request_id') });

/** After a follow or unfollow: the tracker page it was pressed on, else My reports with a notice. */
function backTo(request: FastifyRequest, f: FollowInput, done: 'followed' | 'unfollowed' | 'follow-unknown'): string {
  if (formText(request, 'back') === 'tracker' && done !== 'follow-unknown') return `${trackerPath(f.request_id)}#follow`;
  return accountPath({ page: pageOf(formText(request, 'page')), done, id: f.request_id.slice(0, 50) });
}

/** An attachment with the headers every private answer carries: never cached, never sniffed. */
function sendDownload(reply: FastifyReply, type: string, filename: string, body: string): FastifyReply {
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .send(body);
}

export async function registerAccountRoutes(app: FastifyInstance, web: WebContext): Promise<void> {
  registerSignInRoutes(app, web);
  const guarded = { schema: { hide: true }, preHandler: accountGuard(web) };

  app.get(ACCOUNT_PATH, guarded, publicHandler(web, async (request, reply) => {
    const t = translatorFor(request, reply);
    const { account } = currentCitizen(request);
    const m = await loadMyReports(web, account, pageOf(param(request.query, 'page')));
    const j = await webJurisdiction(web);
    return sendPublicPage(reply, web, t, {
      title: t('account.title'),
      path: pathAndQuery(request),
      main: accountPage(t, accountCsrfField(request), m, noticeOf(request.query), j.timezone),
    });
  }));

  app.post(FOLLOW_PATH, guarded, async (request, reply) => {
    const t = translatorFor(request, reply);
    const f = followInput(request);
    const done = (await followRequest(web, currentCitizen(request).account, f, t.locale)) ? 'followed' : 'follow-unknown';
    return reply.redirect(backTo(request, f, done), 303);
  });

  app.post(UNFOLLOW_PATH, guarded, async (request, reply) => {
    const f = followInput(request);
    await unfollowRequest(web, currentCitizen(request).account, f);
    return reply.redirect(backTo(request, f, 'unfollowed'), 303);
  });

  app.post(REMINDERS_PATH, guarded, async (request, reply) => {
    const on = (readForm(request).get('reminders') ?? []).includes('on');
    await web.services.store.citizens.setReminders(currentCitizen(request).account.id, on);
    return reply.redirect(accountPath({ done: 'reminders' }), 303);
  });

  app.get(EXPORT_JSON_PATH, guarded, async (request, reply) => {
    const data = await exportAccount(web, currentCitizen(request).account);
    return sendDownload(reply, 'application/json; charset=utf-8', 'o311-my-data.json', `${JSON.stringify(data, null, 2)}\n`);
  });

  app.get(EXPORT_CSV_PATH, guarded, async (request, reply) => {
    const data = await exportAccount(web, currentCitizen(request).account);
    return sendDownload(reply, 'text/csv; charset=utf-8', 'o311-my-data.csv', exportCsv(data));
  });

  app.get(DELETE_PATH, guarded, async (request, reply) => {
    const t = translatorFor(request, reply);
    return sendPublicPage(reply, web, t, { title: t('account.delete.title'), path: pathAndQuery(request), main: deletePage(t, accountCsrfField(request), false) });
  });

  app.post(DELETE_PATH, guarded, async (request, reply) => {
    const t = translatorFor(request, reply);
    if (formText(request, 'confirm') !== 'yes') {
      return sendPublicPage(reply, web, t, {
        title: t('account.delete.title'),
        path: pathAndQuery(request),
        status: 400,
        main: deletePage(t, accountCsrfField(request), true),
      });
    }
    const { account } = currentCitizen(request);
    const erased = await web.services.store.citizens.deleteAccount(account.id, web.services.now());
    rememberCitizen(request, undefined);
    clearAccountCookie(reply, web);
    return reply.redirect(`${DELETED_PATH}?requests=${erased?.requests ?? 0}`, 303);
  });

  app.get(DELETED_PATH, { schema: { hide: true } }, async (request, reply) => {
    const t = translatorFor(request, reply);
    const requests = /^[0-9]{1,9}$/.test(param(request.query, 'requests')) ? Number(param(request.query, 'requests')) : 0;
    return sendPublicPage(reply, web, t, { title: t('account.deleted.title'), path: pathAndQuery(request), main: deletedPage(t, requests) });
  });
}
