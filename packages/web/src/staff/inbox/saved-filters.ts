/**
 * The signed-in user's saved filters: links to apply them, delete buttons, and
 * a form to save the current one; folded like the filters (filter-form.ts).
 */
import type { FastifyRequest } from 'fastify';
import type { SavedFilter } from '@o311/store';
import { html, type Html } from '../../html.js';
import type { Translator } from '../../i18n/translate.js';
import { csrfField } from '../guard.js';
import { errorFor, textInput, type FieldError } from '../forms/fields.js';
import { savedFilterHref, savedSearch, type InboxQuery } from './query.js';

export const SAVED_FILTER_NAME_FIELD = 'saved-filter-name';

function savedItem(request: FastifyRequest, t: Translator, f: SavedFilter): Html {
  return html`<li><a href="${savedFilterHref(f.query)}">${f.name}</a>
<form method="post" action="/staff/filters/${encodeURIComponent(f.id)}/delete" class="inbox-inline-form">${csrfField(request)}
<button type="submit" class="inbox-link-button">${t('inbox.saved.delete')}<span class="sr-only"> ${f.name}</span></button></form></li>`;
}

export function savedFilters(
  request: FastifyRequest, t: Translator, q: InboxQuery, saved: readonly SavedFilter[], errors: readonly FieldError[],
): Html {
  // Open when its form was refused, so the error summary's link reaches the field.
  return html`<details class="inbox-fold inbox-saved" data-open-wide${errors.length > 0 ? html` open` : ''}>
<summary id="inbox-saved-title">${t('inbox.saved.title')}</summary>
${saved.length === 0 ? html`<p>${t('inbox.saved.none')}</p>` : html`<ul>${saved.map((f) => savedItem(request, t, f))}</ul>`}
<form method="post" action="/staff/filters">${csrfField(request)}
<input type="hidden" name="query" value="${savedSearch(q)}">
${textInput({
  id: SAVED_FILTER_NAME_FIELD, name: 'name', label: t('inbox.saved.name'), value: '', required: true,
  error: errorFor(errors, SAVED_FILTER_NAME_FIELD),
})}
<button type="submit">${t('inbox.saved.save')}</button>
</form>
</details>`;
}
