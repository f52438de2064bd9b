/** A self-contained HTML page (inline CSS, no scripts, every server-supplied text escaped). */
import { areaOf, areaTitle } from '../areas.js';
import type { CheckResult, ValidationReport } from '../run.js';
import { escapeMarkup as h } from './escape.js';
import { summaryLine } from './text.js';

const STYLE = `
body{font:15px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1d2329}
h1{font-size:1.4rem;margin:0 0 .3rem}h2{font-size:1.1rem;margin:2rem 0 .5rem;border-bottom:1px solid #d7dde3;padding-bottom:.2rem}
.meta{color:#56606b;margin:0}.summary{display:flex;gap:.6rem;flex-wrap:wrap;margin:1rem 0}
.card{border-radius:.4rem;padding:.4rem .8rem;background:#f1f4f7}.card b{font-size:1.2rem;margin-right:.3rem}
.card.error b{color:#b3261e}.card.warning b{color:#8a5a00}.card.info b{color:#1f5fa8}
table{border-collapse:collapse;width:100%}td{border-top:1px solid #e6eaee;padding:.35rem .5rem;vertical-align:top}
.status{font-weight:600;white-space:nowrap}.pass{color:#1e7d32}.skip{color:#6b7580}.fail.error{color:#b3261e}.fail.warning{color:#8a5a00}.fail.info{color:#1f5fa8}
code{font:13px ui-monospace,SFMono-Regular,Menlo,monospace}.ref{color:#6b7580;font-size:.85rem}.fix{margin-top:.2rem}
pre{background:#f6f8fa;border:1px solid #e3e7eb;border-radius:.3rem;padding:.5rem;overflow:auto;white-space:pre-wrap;word-break:break-word;font-size:12.5px;margin:.3rem 0}
details summary{cursor:pointer;color:#1f5fa8}
`;

const STATUS_LABEL = { pass: 'pass', fail: 'FAIL', skip: 'skip' } as const;

function row(r: CheckResult): string {
  const cls = r.status === 'fail' ? `fail ${r.severity}` : r.status;
  const evidence = r.evidence === undefined
    ? ''
    : `<details${r.status === 'fail' ? ' open' : ''}><summary>evidence</summary><pre>${h(r.evidence.request)}</pre><pre>${h(r.evidence.response)}</pre></details>`;
  const fix = r.status === 'fail' ? `<div class="fix"><b>How to fix:</b> ${h(r.fix)}</div>` : '';
  return `<tr><td class="status ${cls}">${STATUS_LABEL[r.status]}</td><td>${h(r.severity)}</td>` +
    `<td><code>${h(r.id)}</code> ${h(r.title)}<div class="ref">${h(r.specRef)}</div><div>${h(r.message)}</div>${fix}${evidence}</td></tr>`;
}

export function formatHtml(report: ValidationReport): string {
  const s = report.summary;
  const areas = new Map<string, CheckResult[]>();
  for (const r of report.results) areas.set(areaOf(r.id), [...(areas.get(areaOf(r.id)) ?? []), r]);
  const sections = [...areas].map(([area, rs]) => `<h2>${h(areaTitle(area))}</h2><table>${rs.map(row).join('')}</table>`);
  const card = (cls: string, n: number, label: string): string => `<div class="card ${cls}"><b>${n}</b>${label}</div>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${h(`o311 validator: ${report.target.url}`)}</title><style>${STYLE}</style></head>
<body>
<h1>GeoReport v2 conformance: ${h(report.target.url)}</h1>
<p class="meta">Endpoint ${h(report.target.baseUrl ?? '(not determined)')} · discovery ${h(report.target.discoveryUrl ?? '(none found)')} · ${h(report.startedAt)}</p>
<div class="summary">${card('error', s.errors, 'errors')}${card('warning', s.warnings, 'warnings')}${card('info', s.info, 'info')}${card('', s.passed, 'passed')}${card('', s.skipped, 'skipped')}</div>
<p class="meta">${h(summaryLine(report))}</p>
${sections.join('\n')}
</body></html>
`;
}
