/** The reporter's update page: a public comment and/or a photo, and "reopen" while the city's window lasts. */
import { reporterServices } from '@o311/server';
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { errorSummary } from '../citizen/error-summary.js';
import type { FieldError } from '../citizen/report-check.js';
import { trackerPath } from '../tracker/paths.js';
import type { ReporterAccess } from './access.js';
import { UPDATE_PATH } from './paths.js';
import { proofFields } from './proof-fields.js';

export const UPDATE_IDS = { comment: 'reporter-comment', photo: 'reporter-photo', reopen: 'reporter-reopen' } as const;

export interface UpdateView {
  access: ReporterAccess;
  serviceName: string;
  status: string;
  /** Closed, and the window to reopen still open. */
  mayReopen: boolean;
  closed: boolean;
  comment: string;
  reopen: boolean;
  errors: readonly FieldError[];
}

function reopenField(t: Translator, v: UpdateView): Html {
  if (v.mayReopen) {
    return html`<div class="field field-checkbox"><input type="checkbox" id="${UPDATE_IDS.reopen}" name="reopen" value="1"${v.reopen ? html` checked` : ''}>
<label for="${UPDATE_IDS.reopen}">${t('reporter.update.reopen')}</label></div>`;
  }
  return v.closed ? html`<p class="hint" id="reporter-window-passed">${t('reporter.update.windowPassed')}</p>` : html``;
}

export function updatePage(t: Translator, v: UpdateView): Html {
  const id = v.access.requestId;
  return html`<p class="breadcrumb"><a href="${trackerPath(id)}">${t('tracker.title', { id })}</a></p>
<h1>${t('reporter.update.title', { id })}</h1>
<p>${v.serviceName} · ${v.status}</p>
${errorSummary(t, v.errors)}
<form method="post" action="${UPDATE_PATH}" enctype="multipart/form-data" id="reporter-update-form" novalidate>
${proofFields(v.access)}
<p class="hint">${t('reporter.update.public')}</p>
<div class="field"><label for="${UPDATE_IDS.comment}">${t('reporter.update.comment')}</label>
<textarea id="${UPDATE_IDS.comment}" name="comment" rows="5" maxlength="${reporterServices.MAX_REPORTER_COMMENT}">${v.comment}</textarea></div>
<div class="field"><label for="${UPDATE_IDS.photo}">${t('reporter.update.photo')}</label>
<input type="file" id="${UPDATE_IDS.photo}" name="photo" accept="image/jpeg,image/png,image/gif,image/webp,image/heic"></div>
${reopenField(t, v)}
<button type="submit" id="reporter-update-send">${t('reporter.update.send')}</button>
</form>`;
}
