/**
 * What a run is asked with, from the /validate form (urlencoded) or the JSON
 * API (JSON or a form): url, format, jurisdiction_id, write, api_key.
 */
import type { FastifyRequest } from 'fastify';
import { field } from '@o311/georeport';
import { VALIDATION_FORMATS, type ValidationFormat } from '@o311/store';
import { readForm } from '../form.js';

export interface RunFields {
  url: string;
  format: ValidationFormat;
  jurisdictionId: string;
  apiKey: string;
  write: boolean;
}

export const EMPTY_FIELDS: RunFields = { url: '', format: 'both', jurisdictionId: '', apiKey: '', write: false };

const TRUE = new Set(['on', 'true', '1', 'yes']);

/** A field of a JSON object or a form, as text ('' when absent). */
function valueOf(request: FastifyRequest, name: string): string | boolean {
  const body = request.body;
  if (body !== null && typeof body === 'object' && !Buffer.isBuffer(body)) {
    const v: unknown = (body as Record<string, unknown>)[name];
    if (typeof v === 'boolean') return v;
    return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
  }
  return field(readForm(request), name) ?? '';
}

const text = (request: FastifyRequest, name: string): string => {
  const v = valueOf(request, name);
  return typeof v === 'string' ? v.trim() : '';
};

/** The fields, or the problem with the format (anything but both, xml or json). */
export function runFieldsOf(request: FastifyRequest): { fields: RunFields; problem?: string } {
  const typedFormat = text(request, 'format') || 'both';
  const format = VALIDATION_FORMATS.find((f) => f === typedFormat);
  const write = valueOf(request, 'write');
  const fields: RunFields = {
    url: text(request, 'url'),
    format: format ?? 'both',
    jurisdictionId: text(request, 'jurisdiction_id'),
    apiKey: text(request, 'api_key'),
    write: write === true || (typeof write === 'string' && TRUE.has(write.toLowerCase())),
  };
  return format === undefined ? { fields, problem: `format must be both, xml or json, not '${typedFormat.slice(0, 20)}'.` } : { fields };
}
