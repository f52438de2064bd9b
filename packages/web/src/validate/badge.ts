/**
 * The SVG badge of a registered endpoint from its latest finished run:
 * "open311 | 12 passed, 1 error", green without failures, yellow with
 * warnings only, red with errors, grey "unknown" without a run. English
 * whatever the page's language: it is one cached image for every site that shows it.
 */
import type { ValidationSummary } from '@o311/store';
import { escapeHtml } from '../html.js';

const LABEL = 'open311';
const COLOURS = { pass: '#1e7d32', warn: '#8a5a00', fail: '#b3261e', unknown: '#5f6b76' } as const;
/** Roughly the advance of an 11 px sans-serif character, and the padding of each half. */
const CHAR_WIDTH = 6.6;
const PADDING = 10;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function badgeText(summary: ValidationSummary | null): { text: string; colour: string } {
  if (summary === null) return { text: 'unknown', colour: COLOURS.unknown };
  const parts = [`${summary.passed} passed`];
  if (summary.errors > 0) parts.push(plural(summary.errors, 'error'));
  if (summary.warnings > 0) parts.push(plural(summary.warnings, 'warning'));
  const colour = summary.errors > 0 ? COLOURS.fail : summary.warnings > 0 ? COLOURS.warn : COLOURS.pass;
  return { text: parts.join(', '), colour };
}

export function badgeSvg(summary: ValidationSummary | null): string {
  const { text, colour } = badgeText(summary);
  const left = Math.round(LABEL.length * CHAR_WIDTH + PADDING * 2);
  const right = Math.round(text.length * CHAR_WIDTH + PADDING * 2);
  const width = left + right;
  const title = escapeHtml(`${LABEL}: ${text}`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${title}">
<title>${title}</title>
<rect width="${left}" height="20" fill="#3c4650"/><rect x="${left}" width="${right}" height="20" fill="${colour}"/>
<g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" text-anchor="middle">
<text x="${left / 2}" y="14">${LABEL}</text><text x="${left + right / 2}" y="14">${escapeHtml(text)}</text>
</g></svg>
`;
}
