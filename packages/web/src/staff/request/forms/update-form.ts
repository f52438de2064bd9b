/**
 * The one form at the top of the request page: status, service, a reply or internal
 * note (with response templates), assignment, priority and expected date,
 * saved together by one button (actions/save-request.ts). The template's
 * "Insert" button comes first in the form, so it is what Enter in a field
 * would press: browser/staff-request.ts makes Enter press Save; without
 * JavaScript, Enter brings the form back as typed, which loses nothing.
 */
import type { FastifyRequest } from 'fastify';
import { html, type Html } from '../../../html.js';
import type { Translator } from '../../../i18n/translate.js';
import { csrfField } from '../../guard.js';
import { actionPath } from '../fields.js';
import type { FormState } from '../form-state.js';
import type { RequestPageData } from '../load.js';
import { commentFields } from './comment-form.js';
import { serviceField } from './service-field.js';
import { statusField } from './status-form.js';
import { templatePicker, templatesData } from './template-picker.js';
import { triageFields } from './triage-form.js';

export function updateForm(request: FastifyRequest, t: Translator, data: RequestPageData, s: FormState): Html {
  return html`<section class="request-update" id="request-update" aria-labelledby="request-update-title">
<h2 id="request-update-title">${t('reqform.title')}</h2>
<form method="post" action="${actionPath(data.request.id, 'update')}" class="request-update-form">${csrfField(request)}
<div class="request-update-grid">
${statusField(t, data, s)}
${serviceField(t, data, s)}
</div>
<fieldset class="request-update-group">
<legend>${t('reqform.messageGroup')}</legend>
${templatePicker(t, data, s)}
${commentFields(t, s)}
</fieldset>
<fieldset class="request-update-group">
<legend>${t('inbox.req.triage')}</legend>
<div class="request-update-grid">
${triageFields(t, data, s)}
</div>
</fieldset>
<button type="submit" class="request-save" data-save>${t('reqform.save')}</button>
</form>
${templatesData(data)}
</section>`;
}
