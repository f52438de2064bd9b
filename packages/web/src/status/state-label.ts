/** An endpoint's shown state in words, with a mark and a colour that only repeat what the words say. */
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import type { ShownState } from './shown-state.js';
import type { StatusRow } from './status-row.js';

const MARKS: Record<ShownState, string> = { up: '▲', failing: '!', down: '▼', unknown: '?' };

export const stateText = (t: Translator, state: ShownState): string => t(`status.state.${state}`);

/** e.g. "Not answering (2 failed checks)", "Down", "Not checked yet (checks paused)". */
export function stateLabel(t: Translator, r: Pick<StatusRow, 'shown' | 'failed_checks' | 'paused'>): Html {
  const failures = r.shown === 'failing' && r.failed_checks > 0
    ? html` <span class="status-state-detail">(${t.plural('status.failedChecks', r.failed_checks)})</span>`
    : '';
  return html`<span class="status-state status-state-${r.shown}"><span class="status-mark" aria-hidden="true">${MARKS[r.shown]}</span> ${stateText(t, r.shown)}${failures}</span>${
    r.paused ? html` <span class="status-paused">(${t('status.paused')})</span>` : ''
  }`;
}
