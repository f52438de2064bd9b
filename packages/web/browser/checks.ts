/**
 * The report form's checks before sending, matching the server's (and
 * src/citizen/report-check.ts): a location, required answers, numbers,
 * dates, list choices, single-line strings, the description's length and the
 * e-mail address.
 */
import { fill, type ReportConfig } from './report-config.js';

export interface FieldProblem {
  id: string;
  message: string;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
/** ISO 8601 date or date-time, as the server's datetime check (the browser's picker writes `2025-06-01T07:45`). */
const ISO_DATETIME = /^\d{4}-\d\d-\d\d(?:[Tt ]\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?(?:[Zz]|[+-]\d\d(?::?\d\d)?)?)?$/;

const value = (form: HTMLFormElement, name: string): string => {
  const v = new FormData(form).get(name);
  return typeof v === 'string' ? v.trim() : '';
};

function inRange(s: string, limit: number): boolean {
  return DECIMAL.test(s) && Math.abs(Number(s)) <= limit;
}

function locationProblems(form: HTMLFormElement, m: ReportConfig['messages']): FieldProblem[] {
  const lat = value(form, 'lat');
  const long = value(form, 'long');
  if (lat === '' && long === '' && value(form, 'address_string') === '') return [{ id: 'f-address', message: m['report.error.location'] }];
  if ((lat !== '' || long !== '') && !(inRange(lat, 90) && inRange(long, 180))) return [{ id: 'f-lat', message: m['report.error.coordinates'] }];
  return [];
}

function answerProblem(box: HTMLElement, form: HTMLFormElement, m: ReportConfig['messages']): string | undefined {
  const code = box.dataset.code ?? '';
  const name = `attribute[${code}]`;
  const all = new FormData(form);
  const values = [...all.getAll(name), ...all.getAll(`${name}[]`)].filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  if (values.length === 0) {
    return box.dataset.required === 'true' ? fill(m['report.error.required'], { field: box.dataset.question ?? code }) : undefined;
  }
  const first = values[0] ?? '';
  const input = box.querySelector<HTMLInputElement>('input:not([type=radio]):not([type=checkbox])');
  if (input?.validity.badInput) return box.dataset.datatype === 'number' ? m['report.error.number'] : m['report.error.datetime'];
  switch (box.dataset.datatype) {
    case 'number':
      return NUMBER.test(first.trim()) ? undefined : m['report.error.number'];
    case 'datetime':
      return ISO_DATETIME.test(first.trim()) ? undefined : m['report.error.datetime'];
    case 'string':
      return /[\r\n\u2028\u2029]/.test(first) ? m['report.error.singleLine'] : undefined;
    default:
      return undefined;
  }
}

function attributeProblems(form: HTMLFormElement, m: ReportConfig['messages']): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const box of form.querySelectorAll<HTMLElement>('.attribute[data-code]')) {
    const message = answerProblem(box, form, m);
    if (message !== undefined && box.dataset.field) problems.push({ id: box.dataset.field, message });
  }
  return problems;
}

function emailProblems(form: HTMLFormElement, m: ReportConfig['messages']): FieldProblem[] {
  const email = form.querySelector<HTMLInputElement>('#f-email');
  if (!email || email.value.trim() === '') return [];
  return email.validity.valid ? [] : [{ id: 'f-email', message: m['report.error.email'] }];
}

/** Counted as the server counts (code points, a line break as one), so its English refusal is never what is shown. */
function descriptionProblems(form: HTMLFormElement, m: ReportConfig['messages']): FieldProblem[] {
  const area = form.querySelector<HTMLTextAreaElement>('#f-description');
  const max = Number(area?.dataset.max);
  const length = area ? Array.from(area.value).length : 0;
  if (!area || !Number.isFinite(max) || max <= 0 || length <= max) return [];
  const n = new Intl.NumberFormat(document.documentElement.lang || 'en');
  return [{ id: area.id, message: fill(m['form.description.tooLong'], { length: n.format(length), max: n.format(max) }) }];
}

export const checkReportForm = (form: HTMLFormElement, config: ReportConfig): FieldProblem[] => [
  ...locationProblems(form, config.messages),
  ...attributeProblems(form, config.messages),
  ...descriptionProblems(form, config.messages),
  ...emailProblems(form, config.messages),
];
