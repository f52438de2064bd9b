/**
 * "Is it fixed?": the mail's yes/no links open a page with one button (mail
 * scanners fetch links; only the POST records the answer), then the outcome.
 */
import { reporterServices } from '@o311/server';
import type { ReporterAnswer } from '@o311/store';
import { html, type Html } from '../html.js';
import type { MessageKey } from '../i18n/messages/index.js';
import type { Translator } from '../i18n/translate.js';
import { trackerPath } from '../tracker/paths.js';
import type { MailedAccess, ReporterAccess } from './access.js';
import { FIXED_PATH, fixedPath, updatePath } from './paths.js';
import { proofFields } from './proof-fields.js';

export interface FixedAskView {
  access: MailedAccess;
  answer: ReporterAnswer;
  /** A "no" reopens the request (still closed, within the window); otherwise staff are told. */
  reopens: boolean;
  comment: string;
  error?: string;
}

const other = (a: ReporterAnswer): ReporterAnswer => (a === 'yes' ? 'no' : 'yes');

function consequence(t: Translator, v: FixedAskView): string {
  if (v.answer === 'yes') return t('reporter.fixed.consequenceYes');
  return t(v.reopens ? 'reporter.fixed.consequenceReopen' : 'reporter.fixed.consequenceNote');
}

export function fixedAskPage(t: Translator, v: FixedAskView): Html {
  const id = v.access.requestId;
  return html`<p class="breadcrumb"><a href="${trackerPath(id)}">${t('tracker.title', { id })}</a></p>
<h1>${t('reporter.fixed.title', { id })}</h1>
<p id="fixed-answer"><strong>${t(v.answer === 'yes' ? 'reporter.fixed.answerYes' : 'reporter.fixed.answerNo')}</strong></p>
<p>${consequence(t, v)}</p>
${v.error ? html`<div class="error-summary" role="alert"><p>${v.error}</p></div>` : ''}
<form method="post" action="${FIXED_PATH}" id="fixed-form">
${proofFields(v.access)}
<input type="hidden" name="answer" value="${v.answer}">
<div class="field"><label for="fixed-comment">${t('reporter.fixed.comment')}</label>
<textarea id="fixed-comment" name="comment" rows="4" maxlength="${reporterServices.MAX_REPORTER_COMMENT}">${v.comment}</textarea></div>
<button type="submit" id="fixed-send">${t('reporter.fixed.send')}</button>
</form>
<p><a href="${fixedPath(v.access.proof.token, other(v.answer))}" id="fixed-other">${t(v.answer === 'yes' ? 'reporter.fixed.switchNo' : 'reporter.fixed.switchYes')}</a></p>`;
}

const OUTCOME_KEYS: Record<reporterServices.FixedOutcome | 'answered' | 'noQuestion', MessageKey> = {
  recorded: 'reporter.fixed.doneYes',
  reopened: 'reporter.fixed.doneReopened',
  noted: 'reporter.fixed.doneNoted',
  answered: 'reporter.fixed.answered',
  noQuestion: 'reporter.fixed.noQuestion',
};

export function fixedDonePage(t: Translator, access: ReporterAccess, outcome: keyof typeof OUTCOME_KEYS): Html {
  const id = access.requestId;
  return html`<h1 id="fixed-done">${t('reporter.fixed.doneTitle')}</h1>
<p id="fixed-outcome">${t(OUTCOME_KEYS[outcome], { id })}</p>
<p><a href="${trackerPath(id)}">${t('reporter.backToRequest', { id })}</a></p>
<p><a href="${updatePath(access.proof)}">${t('reporter.receipt.update')}</a></p>`;
}

export const badReporterLinkPage = (t: Translator): Html =>
  html`<h1 id="reporter-bad-link">${t('reporter.badLinkTitle')}</h1>
<p>${t('reporter.badLinkText')}</p>
<p><a href="/">${t('report.allServices')}</a></p>`;
