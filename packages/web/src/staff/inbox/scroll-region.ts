/**
 * A wide table in a horizontally scrollable box: a named region that takes
 * the keyboard focus, so it can be scrolled without a mouse.
 */
import { html, type Html } from '../../html.js';

export const scrollRegion = (label: string, content: Html): Html =>
  html`<div class="inbox-table-wrap" role="region" aria-label="${label}" tabindex="0">${content}</div>`;
