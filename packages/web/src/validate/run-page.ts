/**
 * `/validate/r/{id}`: a run's permanent page. While it waits or runs: how far
 * it is (N of M, results so far), kept up to date by server-sent events
 * (browser/validate-progress.ts) or, without JavaScript, by a refresh. When
 * done: the summary, the results by severity and the downloads; when failed: why.
 */
import type { ValidationRun } from '@o311/store';
import { html, jsonData, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { DOWNLOAD_KINDS, VALIDATE_PATH, downloadPath, endpointRunsPath, runEventsPath, runPath } from './paths.js';
import { resultsView, soFarList } from './results-view.js';
import { stateLabel, summaryText } from './runs-table.js';
import { partialOf, reportOf } from './stored-run.js';
import { FORMAT_KEYS } from './validate-form.js';

export const PROGRESS_CONFIG_ID = 'validate-progress-config';
/** Seconds between refreshes of a running run's page without JavaScript. */
export const REFRESH_SECONDS = 3;

const DOWNLOAD_KEYS = { json: 'validate.download.json', junit: 'validate.download.junit', html: 'validate.download.html' } as const;

export const isRunning = (run: ValidationRun): boolean => run.state === 'queued' || run.state === 'running';

/** For the page's `head`: the refresh that stands in for the script. */
export const refreshFallback = (run: ValidationRun): Html =>
  isRunning(run) ? html`<noscript><meta http-equiv="refresh" content="${REFRESH_SECONDS}"></noscript>` : html``;

function progress(t: Translator, run: ValidationRun): Html {
  const partial = partialOf(run);
  const config = {
    // The results already in the page are not sent again.
    events: `${runEventsPath(run.id)}?from=${partial.length}`,
    progressText: t('validate.progress', { done: '{done}', total: '{total}' }),
    words: {
      pass: t('validate.status.pass'), skip: t('validate.status.skip'), fail: t('validate.status.fail'),
      error: t('validate.severity.error'), warning: t('validate.severity.warning'), info: t('validate.severity.info'),
    },
  };
  return html`<section id="run-progress" aria-labelledby="run-progress-title">
<h2 id="run-progress-title">${stateLabel(t, run.state)}</h2>
${run.state === 'queued' ? html`<p id="run-waiting">${t('validate.waiting')}</p>` : ''}
<p><label for="run-progress-bar">${t('validate.progressLabel')}</label> <progress id="run-progress-bar" max="${Math.max(run.total, 1)}" value="${run.done}"></progress></p>
<p id="run-progress-text" role="status">${t('validate.progress', { done: run.done, total: run.total })}</p>
<noscript><p>${t('validate.refreshing')}</p></noscript>
${soFarList(t, partial)}
<script type="application/json" id="${PROGRESS_CONFIG_ID}">${jsonData(config)}</script>
</section>`;
}

function downloads(t: Translator, run: ValidationRun): Html {
  return html`<section aria-labelledby="run-downloads-title"><h2 id="run-downloads-title">${t('validate.downloads')}</h2>
<ul class="run-downloads">${DOWNLOAD_KINDS.map((k) => html`<li><a href="${downloadPath(run.id, k)}" download>${t(DOWNLOAD_KEYS[k])}</a></li>`)}</ul></section>`;
}

function outcome(t: Translator, run: ValidationRun): Html {
  if (isRunning(run)) return progress(t, run);
  if (run.state === 'failed') {
    return html`<section class="error-summary" id="run-failed" role="alert" aria-labelledby="run-failed-title"><h2 id="run-failed-title">${t('validate.failedTitle')}</h2><p>${run.error ?? ''}</p></section>`;
  }
  const report = reportOf(run);
  if (report === null) return html``;
  return html`<h2 id="run-summary">${summaryText(t, report.summary)}</h2>
${resultsView(t, report)}
${downloads(t, run)}`;
}

export function runPage(t: Translator, run: ValidationRun, endpointName: string | null): Html {
  const mode = run.write ? t('validate.mode.write') : t('validate.mode.read');
  return html`<h1>${t('validate.runTitle')}</h1>
<p class="lead">${t('validate.runOf', { url: run.url })}</p>
<p class="run-meta">${t('validate.runMeta', { when: `${t.dateTime(run.created_at, 'UTC')} UTC`, format: t(FORMAT_KEYS[run.format]), mode })}</p>
${outcome(t, run)}
<p class="run-links"><a href="${runPath(run.id)}" id="run-permalink">${t('validate.permalink')}</a> · <a href="${VALIDATE_PATH}">${t('validate.again')}</a>${
    run.endpoint_slug !== null && endpointName !== null
      ? html` · <a href="${endpointRunsPath(run.endpoint_slug)}">${t('validate.endpointLink', { name: endpointName })}</a>`
      : ''
  }</p>`;
}
