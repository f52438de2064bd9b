/**
 * /staff/jobs: how many jobs are in each state, and the jobs of the states
 * shown (by default those that may need an admin), with Retry and Discard.
 */
import type { AdminJob, JobState } from '@o311/server';
import type { Jurisdiction } from '@o311/store';
import { html, type Html } from '../../../html.js';
import type { MessageKey, Translator } from '../../../i18n/translate.js';

export const STATE_LABELS: Record<JobState, MessageKey> = {
  queued: 'staff.jobs.state.queued',
  active: 'staff.jobs.state.active',
  retry: 'staff.jobs.state.retry',
  completed: 'staff.jobs.state.completed',
  dead: 'staff.jobs.state.dead',
};

const RETRYABLE: readonly JobState[] = ['retry', 'dead'];
const DISCARDABLE: readonly JobState[] = ['queued', 'retry', 'dead'];

export interface JobsView {
  jurisdiction: Jurisdiction;
  counts: Record<JobState, number>;
  /** The one state shown, or undefined for all those needing attention. */
  state: JobState | undefined;
  jobs: readonly AdminJob[];
  notice: Html;
  csrf: Html;
  nextHref?: string;
  firstHref?: string;
}

export const jobsHref = (state: JobState | undefined, page = 1): string => {
  const q = new URLSearchParams();
  if (state) q.set('state', state);
  if (page > 1) q.set('page', String(page));
  const s = q.toString();
  return s === '' ? '/staff/jobs' : `/staff/jobs?${s}`;
};

function countsTable(t: Translator, v: JobsView): Html {
  const states = Object.keys(STATE_LABELS) as JobState[];
  return html`<table class="admin-table jobs-counts">
<caption>${t('staff.jobs.countsCaption')}</caption>
<thead><tr><th scope="col">${t('staff.jobs.stateColumn')}</th><th scope="col">${t('staff.jobs.countColumn')}</th></tr></thead>
<tbody>${states.map((s) => html`<tr><th scope="row">${t(STATE_LABELS[s])}</th><td>${t.number(v.counts[s])}</td></tr>`)}</tbody>
</table>`;
}

function stateLinks(t: Translator, v: JobsView): Html {
  const choices: { state: JobState | undefined; label: string }[] = [
    { state: undefined, label: t('staff.jobs.attention') },
    ...(['queued', 'retry', 'dead', 'active', 'completed'] as const).map((s) => ({ state: s, label: t(STATE_LABELS[s]) })),
  ];
  return html`<nav class="jobs-states" aria-label="${t('staff.jobs.show')}"><span>${t('staff.jobs.show')}:</span> <ul>${choices.map(
    (c) => html`<li><a href="${jobsHref(c.state)}"${c.state === v.state ? html` aria-current="page"` : ''}>${c.label}</a></li>`,
  )}</ul></nav>`;
}

const dataText = (job: AdminJob): string =>
  Object.entries(job.data).map(([k, value]) => `${k}: ${String(value)}`).join(', ');

function actionForm(t: Translator, v: JobsView, job: AdminJob, verb: 'retry' | 'discard'): Html {
  return html`<form method="post" action="/staff/jobs/${encodeURIComponent(job.id)}/${verb}" class="admin-inline-form">${v.csrf}
<button type="submit"${verb === 'discard' ? html` class="admin-danger"` : ''}>${t(verb === 'retry' ? 'staff.jobs.retry' : 'staff.jobs.discard')}<span class="sr-only"> ${job.name} ${job.id}</span></button></form>`;
}

function jobRow(t: Translator, v: JobsView, job: AdminJob): Html {
  const tz = v.jurisdiction.timezone;
  return html`<tr>
<th scope="row"><code>${job.name}</code> <span class="jobs-id">#${job.id}</span></th>
<td>${t(STATE_LABELS[job.state])}</td>
<td>${dataText(job)}</td>
<td>${t('staff.jobs.attemptsOf', { n: job.attempts, max: job.retryLimit + 1 })}</td>
<td><time datetime="${new Date(job.runAt).toISOString()}">${t.dateTime(job.runAt, tz)}</time></td>
<td>${job.lastError ?? ''}</td>
<td>${RETRYABLE.includes(job.state) ? actionForm(t, v, job, 'retry') : ''}${DISCARDABLE.includes(job.state) ? actionForm(t, v, job, 'discard') : ''}</td>
</tr>`;
}

export function jobsView(t: Translator, v: JobsView): Html {
  const table = v.jobs.length === 0
    ? html`<p>${t('staff.jobs.none')}</p>`
    : html`<div class="admin-table-wrap"><table class="admin-table">
<caption>${t('staff.jobs.caption')}</caption>
<thead><tr><th scope="col">${t('staff.jobs.name')}</th><th scope="col">${t('staff.jobs.stateColumn')}</th><th scope="col">${t('staff.jobs.data')}</th><th scope="col">${t('staff.jobs.attempts')}</th><th scope="col">${t('staff.jobs.runAt')}</th><th scope="col">${t('staff.jobs.lastError')}</th><th scope="col"><span class="sr-only">${t('staff.jobs.actions')}</span></th></tr></thead>
<tbody>${v.jobs.map((job) => jobRow(t, v, job))}</tbody>
</table></div>`;
  const pager = [
    v.firstHref ? html`<a href="${v.firstHref}">${t('staff.jobs.first')}</a>` : '',
    v.nextHref ? html`<a href="${v.nextHref}" rel="next">${t('staff.jobs.next')}</a>` : '',
  ];
  return html`<h1>${t('staff.jobs.title')}</h1>
<p>${t('staff.jobs.intro')}</p>
${v.notice}
${countsTable(t, v)}
${stateLinks(t, v)}
${table}
${v.firstHref || v.nextHref ? html`<p class="admin-pager">${pager}</p>` : ''}`;
}
