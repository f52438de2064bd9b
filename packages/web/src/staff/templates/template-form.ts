/** A response template as the form holds it, read from a post and checked. */
import type { FastifyRequest } from 'fastify';
import type { ExtendedStatus } from '@o311/georeport';
import type { ResponseTemplate } from '@o311/store';
import type { Translator } from '../../i18n/translate.js';
import { formText } from '../../form.js';
import { isExtendedStatus } from '../request/status-labels.js';
import type { FieldError } from '../forms/fields.js';

export const TEMPLATE_FIELDS = { name: 'tpl-name', body: 'tpl-body', status: 'tpl-status' } as const;

const MAX_NAME = 100;
const MAX_BODY = 10_000;

export interface TemplateDraft {
  name: string;
  body: string;
  /** '' = any status. */
  status: string;
}

export const emptyTemplate = (): TemplateDraft => ({ name: '', body: '', status: '' });

export const draftOfTemplate = (x: ResponseTemplate): TemplateDraft => ({ name: x.name, body: x.body, status: x.status ?? '' });

export function readTemplate(request: FastifyRequest): TemplateDraft {
  return { name: formText(request, 'name'), body: formText(request, 'body'), status: formText(request, 'status') };
}

export function templateProblems(t: Translator, d: TemplateDraft): FieldError[] {
  const problems: FieldError[] = [];
  if (d.name === '') problems.push({ field: TEMPLATE_FIELDS.name, message: t('inbox.tpl.nameMissing') });
  else if (d.name.length > MAX_NAME) problems.push({ field: TEMPLATE_FIELDS.name, message: t('inbox.req.tooLong', { max: MAX_NAME }) });
  if (d.body === '') problems.push({ field: TEMPLATE_FIELDS.body, message: t('inbox.tpl.bodyMissing') });
  else if (d.body.length > MAX_BODY) problems.push({ field: TEMPLATE_FIELDS.body, message: t('inbox.req.tooLong', { max: MAX_BODY }) });
  if (d.status !== '' && !isExtendedStatus(d.status)) problems.push({ field: TEMPLATE_FIELDS.status, message: t('inbox.req.statusInvalid') });
  return problems;
}

export const templateStatus = (d: TemplateDraft): ExtendedStatus | null => (isExtendedStatus(d.status) ? d.status : null);
