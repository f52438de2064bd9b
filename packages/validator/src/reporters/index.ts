/** formatReport(report, format): text, json, junit or html. */
import type { ValidationReport } from '../run.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatText } from './text.js';

export const REPORT_FORMATS = ['text', 'json', 'junit', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const REPORTERS: Readonly<Record<ReportFormat, (report: ValidationReport) => string>> = {
  text: formatText,
  json: formatJson,
  junit: formatJunit,
  html: formatHtml,
};

export function formatReport(report: ValidationReport, format: ReportFormat): string {
  return REPORTERS[format](report);
}

export { formatHtml, formatJson, formatJunit, formatText };
