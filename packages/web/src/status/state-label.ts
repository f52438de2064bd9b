/** An endpoint's state in words, with a mark and a colour that only repeat what the words say. */
import type { MonitorState } from '@o311/store';
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';

const MARKS: Record<MonitorState, string> = { up: '▲', down: '▼', unknown: '?' };

export const stateText = (t: Translator, state: MonitorState): string => t(`status.state.${state}`);

export function stateLabel(t: Translator, state: MonitorState, paused = false): Html {
  return html`<span class="status-state status-state-${state}"><span class="status-mark" aria-hidden="true">${MARKS[state]}</span> ${stateText(t, state)}</span>${
    paused ? html` <span class="status-paused">(${t('status.paused')})</span>` : ''
  }`;
}
