/**
 * Pages that read another endpoint through the federated endpoint: an
 * endpoint that cannot be read now (its 502) gets a polite page with the same
 * status, instead of an error; everything else is the public pages' handling.
 */
import { isOpen311Failure } from '@o311/georeport';
import { routerServices, parseFederatedName } from '@o311/server';
import type { WebContext } from '../../context.js';
import { html } from '../../html.js';
import { translatorFor } from '../../request-locale.js';
import { sendPublicPage } from '../page.js';
import { pathAndQuery, publicHandler, type PublicHandler } from '../public-handler.js';

/** `name`: the federated name (service code or request id) the page is about. */
export function routedHandler(web: WebContext, nameOf: (params: unknown) => string, handle: PublicHandler): PublicHandler {
  return publicHandler(web, async (request, reply) => {
    try {
      return await handle(request, reply);
    } catch (e) {
      if (!isOpen311Failure(e) || e.status !== 502) throw e;
      const t = translatorFor(request, reply);
      const slug = parseFederatedName(nameOf(request.params))?.slug ?? '';
      const endpoint = await routerServices(web.services).federation.endpoint(slug);
      const name = endpoint?.name ?? slug;
      return sendPublicPage(reply, web, t, {
        title: t('routed.unavailableTitle'),
        path: pathAndQuery(request),
        status: 502,
        main: html`<h1>${t('routed.unavailableTitle')}</h1>
<p id="unavailable">${t('routed.unavailableText', { name })}</p>
<p><a href="/">${t('home.backToServices')}</a></p>`,
      });
    }
  });
}
