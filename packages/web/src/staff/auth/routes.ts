/** GET/POST /staff/login and POST /staff/logout. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WebContext } from '../../context.js';
import { translatorFor } from '../../request-locale.js';
import { audit } from '../audit-trail.js';
import { sendStaffRefusal } from '../error-page.js';
import { formRaw, formText } from '../../form.js';
import { currentStaff, staffGuard } from '../guard.js';
import { sendStaffPage } from '../page.js';
import { queryParam } from '../route-params.js';
import type { FieldError } from '../forms/fields.js';
import { authenticate, rememberSignedIn } from './authenticate.js';
import { comesFromThisSite } from './csrf.js';
import { attemptLogin } from './login.js';
import { loginPage } from './login-page.js';
import { safeNextPath } from './next-path.js';
import { rememberLocale } from '../../request-locale.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';

function showLogin(
  request: FastifyRequest,
  reply: FastifyReply,
  web: WebContext,
  form: { email: string; next: string; errors: FieldError[]; status: number; notice?: string },
): FastifyReply {
  const t = translatorFor(request, reply);
  return sendStaffPage(request, reply, web, { title: t('staff.login.title'), main: loginPage(t, form), status: form.status });
}

export async function registerAuthPages(app: FastifyInstance, web: WebContext): Promise<void> {
  app.get('/staff/login', async (request, reply) => {
    const next = safeNextPath(queryParam(request, 'next'));
    if (await authenticate(web, request)) return reply.redirect(next, 303);
    const t = translatorFor(request, reply);
    const loggedOut = queryParam(request, 'done') === 'logged-out';
    return showLogin(request, reply, web, {
      email: '', next, errors: [], status: 200, notice: loggedOut ? t('staff.login.loggedOut') : undefined,
    });
  });

  app.post('/staff/login', async (request, reply) => {
    if (!comesFromThisSite(web, request)) return sendStaffRefusal(request, reply, web, 'csrf');
    const t = translatorFor(request, reply);
    const email = formText(request, 'email');
    const password = formRaw(request, 'password');
    const next = safeNextPath(formText(request, 'next'));
    if (email === '' || password === '') {
      const errors: FieldError[] = [
        ...(email === '' ? [{ field: 'login-email', message: t('staff.login.missing') }] : []),
        ...(password === '' ? [{ field: 'login-password', message: t('staff.login.missing') }] : []),
      ];
      return showLogin(request, reply, web, { email, next, errors, status: 400 });
    }
    const outcome = await attemptLogin(web, { email, password, ip: request.ip });
    if (outcome.kind === 'invalid') {
      return showLogin(request, reply, web, { email, next, errors: [{ field: 'login-email', message: t('staff.login.invalid') }], status: 401 });
    }
    if (outcome.kind === 'throttled') {
      reply.header('retry-after', String(Math.max(1, Math.ceil(outcome.retryAfterMs / 1000))));
      return showLogin(request, reply, web, { email, next, errors: [{ field: 'login-email', message: t('staff.login.tooMany') }], status: 429 });
    }
    setSessionCookie(reply, web, outcome.secret);
    if (outcome.user.locale !== null) rememberLocale(reply, outcome.user.locale);
    rememberSignedIn(request, { user: outcome.user, session: outcome.session });
    return reply.redirect(next, 303);
  });

  app.post('/staff/logout', { preHandler: staffGuard(web, 'read') }, async (request, reply) => {
    const { user, session } = currentStaff(request);
    await web.services.store.revokeSession(session.id);
    await audit(web, { actor: user.id, action: 'logout', details: { session: session.id } });
    rememberSignedIn(request, undefined);
    clearSessionCookie(reply, web);
    return reply.redirect('/staff/login?done=logged-out', 303);
  });
}
