/** /staff/departments: the departments of the jurisdiction, renamed or deleted in place, and a form to add one. */
import type { Department, Jurisdiction } from '@o311/store';
import { html, type Html } from '../../../html.js';
import type { Translator } from '../../../i18n/translate.js';
import { errorSummary } from '../../forms/error-summary.js';
import { errorFor, textInput, type FieldError } from '../../forms/fields.js';
import type { DepartmentDraft } from './department-input.js';

export const NEW_DEPARTMENT_IDS = { name: 'new-department-name', email: 'new-department-email' };
/** The rename field of a department's row. */
export const renameId = (d: { id: string }): string => `rename-${d.id}`;
/** The delete button of a department's row (target of the "still in use" error). */
export const deleteId = (d: { id: string }): string => `delete-${d.id}`;

export interface DepartmentsView {
  jurisdiction: Jurisdiction;
  departments: readonly Department[];
  notice: Html;
  draft: DepartmentDraft;
  /** A refused rename: the department and the name as typed. */
  renaming?: { id: string; name: string };
  errors: readonly FieldError[];
  csrf: Html;
}

function row(t: Translator, v: DepartmentsView, d: Department): Html {
  const action = `/staff/departments/${encodeURIComponent(d.id)}`;
  const typed = v.renaming?.id === d.id ? v.renaming.name : d.name;
  return html`<tr>
<th scope="row">${d.name}</th>
<td>${d.email ?? '—'}</td>
<td><div class="admin-row-actions">
<form method="post" action="${action}" class="admin-inline-form" novalidate>${v.csrf}
${textInput({ id: renameId(d), name: 'name', label: t('staff.departments.newName', { name: d.name }), value: typed, required: true, hiddenLabel: true, error: errorFor(v.errors, renameId(d)) })}
<input type="hidden" name="email" value="${d.email ?? ''}">
<button type="submit">${t('staff.departments.rename')}</button>
</form>
<form method="post" action="${action}/delete" class="admin-inline-form">${v.csrf}
<button type="submit" id="${deleteId(d)}" class="admin-danger">${t('staff.departments.delete')}<span class="sr-only"> ${d.name}</span></button>
</form>
</div></td>
</tr>`;
}

export function departmentsView(t: Translator, v: DepartmentsView): Html {
  const sorted = [...v.departments].sort((a, b) => a.name.localeCompare(b.name));
  const table = sorted.length === 0
    ? html`<p>${t('staff.departments.none')}</p>`
    : html`<div class="admin-table-wrap"><table class="admin-table">
<caption>${t('staff.departments.caption', { jurisdiction: v.jurisdiction.name })}</caption>
<thead><tr><th scope="col">${t('staff.departments.name')}</th><th scope="col">${t('staff.departments.email')}</th><th scope="col">${t('staff.departments.actions')}</th></tr></thead>
<tbody>${sorted.map((d) => row(t, v, d))}</tbody>
</table></div>`;
  return html`<h1>${t('staff.departments.title')}</h1>
${v.notice}
${errorSummary(t, v.errors)}
${table}
<section class="admin-section" aria-labelledby="new-department-title">
<h2 id="new-department-title">${t('staff.departments.add')}</h2>
<form method="post" action="/staff/departments" class="admin-form" novalidate>${v.csrf}
${textInput({ id: NEW_DEPARTMENT_IDS.name, name: 'name', label: t('staff.departments.name'), value: v.draft.name, required: true, error: errorFor(v.errors, NEW_DEPARTMENT_IDS.name) })}
${textInput({ id: NEW_DEPARTMENT_IDS.email, name: 'email', type: 'email', label: `${t('staff.departments.email')} (${t('common.optional')})`, value: v.draft.email, error: errorFor(v.errors, NEW_DEPARTMENT_IDS.email) })}
<button type="submit">${t('staff.departments.addSubmit')}</button>
</form>
</section>`;
}
