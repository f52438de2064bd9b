/** The frame of one action on the request page: a titled section with a POST form carrying the CSRF token. */
import type { FastifyRequest } from 'fastify';
import { html, type Html } from '../../../html.js';
import { csrfField } from '../../guard.js';
import { actionPath, type ActionPath } from '../fields.js';

export function actionForm(request: FastifyRequest, o: { requestId: string; action: ActionPath; title: string; submit: string; body: Html }): Html {
  const titleId = `request-${o.action}-title`;
  return html`<section class="request-action" id="request-${o.action}" aria-labelledby="${titleId}">
<h3 id="${titleId}">${o.title}</h3>
<form method="post" action="${actionPath(o.requestId, o.action)}">${csrfField(request)}
${o.body}
<button type="submit">${o.submit}</button>
</form>
</section>`;
}
