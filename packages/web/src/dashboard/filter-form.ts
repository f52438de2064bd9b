/**
 * The filter: a GET form whose URL is the filter (shareable, and the back
 * button works without any script). Multi-valued fields are plain multiple
 * selects; browser/dashboard.ts sends the same query on every change.
 */
import { REQUEST_CHANNELS } from '@o311/georeport';
import { html, type Html } from '../html.js';
import { channelLabel } from '../channel-label.js';
import type { Translator } from '../i18n/translate.js';
import { errorSummary } from '../citizen/error-summary.js';
import type { FieldError } from '../citizen/report-check.js';
import { FIRST_DAY, STATUS_CHOICES, type DashboardQuery, type QueryError, type QueryField } from './dashboard-query.js';
import type { SourceChoices } from './view-data.js';

export const fieldId = (field: QueryField): string => `filter-${field}`;

export function fieldErrors(t: Translator, errors: readonly QueryError[]): FieldError[] {
  return errors.map((e) => ({ id: fieldId(e.field), message: t(`dashboard.error.${e.problem}`, { field: t(`dashboard.field.${e.field}`) }) }));
}

interface Option {
  value: string;
  text: string;
}

function errorOf(errors: readonly FieldError[], field: QueryField): FieldError | undefined {
  return errors.find((e) => e.id === fieldId(field));
}

function dateField(t: Translator, field: 'day' | 'from' | 'to', value: string, max: string, errors: readonly FieldError[]): Html {
  const id = fieldId(field);
  const error = errorOf(errors, field);
  return html`<div class="field${error ? ' field-invalid' : ''}"><label for="${id}">${t(`dashboard.field.${field}`)}</label>
${error ? html`<p class="field-error" id="${id}-error">${error.message}</p>` : ''}
<input type="date" id="${id}" name="${field}" value="${value}" min="${FIRST_DAY}" max="${max}" aria-describedby="${error ? `${id}-error ` : ''}dashboard-date-hint"${error ? html` aria-invalid="true"` : ''}></div>`;
}

function multiSelect(t: Translator, field: 'area' | 'service' | 'group' | 'channel', label: string, options: readonly Option[], chosen: readonly string[], errors: readonly FieldError[]): Html | string {
  if (options.length === 0) return '';
  const id = fieldId(field);
  const error = errorOf(errors, field);
  const picked = new Set(chosen);
  return html`<div class="field${error ? ' field-invalid' : ''}"><label for="${id}">${label}</label>
${error ? html`<p class="field-error" id="${id}-error">${error.message}</p>` : ''}
<select id="${id}" name="${field}" multiple size="${Math.min(5, options.length)}" aria-describedby="${error ? `${id}-error ` : ''}dashboard-multi-hint"${error ? html` aria-invalid="true"` : ''}>
${options.map((o) => html`<option value="${o.value}"${picked.has(o.value) ? html` selected` : ''}>${o.text}</option>`)}
</select></div>`;
}

function statusField(t: Translator, value: string, errors: readonly FieldError[]): Html {
  const id = fieldId('status');
  const error = errorOf(errors, 'status');
  return html`<div class="field${error ? ' field-invalid' : ''}"><label for="${id}">${t('dashboard.field.status')}</label>
${error ? html`<p class="field-error" id="${id}-error">${error.message}</p>` : ''}
<select id="${id}" name="status"${error ? html` aria-describedby="${id}-error" aria-invalid="true"` : ''}>
${STATUS_CHOICES.map((s) => html`<option value="${s}"${s === value ? html` selected` : ''}>${t(`dashboard.status.${s}`)}</option>`)}
</select></div>`;
}

export interface FilterFormOptions {
  action: string;
  query: DashboardQuery;
  choices: SourceChoices;
  /** The last day a date may be (tomorrow in the source's zone). */
  lastDay: string;
  areaLabel: string;
  /** Offer the channel (a source of this server: a harvested endpoint's requests do not say theirs). */
  channels: boolean;
  errors: readonly FieldError[];
}

export function filterForm(t: Translator, o: FilterFormOptions): Html {
  const q = o.query;
  return html`<form action="${o.action}" method="get" class="status-filters dashboard-filters" id="dashboard-filter" aria-labelledby="dashboard-filter-title" novalidate>
<h2 id="dashboard-filter-title">${t('dashboard.filters')}</h2>
${errorSummary(t, o.errors)}
<p class="hint" id="dashboard-date-hint">${t('dashboard.dateHint')}</p>
<div class="status-filter-fields">
${dateField(t, 'day', q.day, o.lastDay, o.errors)}
${dateField(t, 'from', q.from, o.lastDay, o.errors)}
${dateField(t, 'to', q.to, o.lastDay, o.errors)}
${statusField(t, q.status, o.errors)}
</div>
<p class="hint" id="dashboard-multi-hint">${t('dashboard.multiHint')}</p>
<div class="status-filter-fields">
${multiSelect(t, 'area', o.areaLabel, o.choices.areas.map((a) => ({ value: a.id, text: a.name })), q.areas, o.errors)}
${multiSelect(t, 'service', t('dashboard.field.service'), o.choices.services.map((s) => ({ value: s.code, text: s.name })), q.services, o.errors)}
${multiSelect(t, 'group', t('dashboard.field.group'), o.choices.groups.map((g) => ({ value: g, text: g })), q.groups, o.errors)}
${o.channels ? multiSelect(t, 'channel', t('dashboard.field.channel'), REQUEST_CHANNELS.map((c) => ({ value: c, text: channelLabel(t, c) })), q.channels, o.errors) : ''}
</div>
<p class="actions"><button type="submit">${t('dashboard.apply')}</button> <a href="${o.action}" id="dashboard-clear">${t('dashboard.clear')}</a></p>
</form>`;
}
