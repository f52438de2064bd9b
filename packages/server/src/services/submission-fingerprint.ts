/**
 * What makes two POSTs under one Idempotency-Key "the same submission": the
 * jurisdiction, every form field but the api_key (the key's scope) in name
 * order (the values of a field in the order sent), and each accepted media
 * file's type and SHA-256, in upload order. File names are left out: the same
 * photo sent again under another name is the same report.
 */
import { createHash } from 'node:crypto';
import type { FormFields } from '@o311/georeport';
import type { Jurisdiction, NewMedia } from '@o311/store';

/** Fields that say where and as whom, not what: the jurisdiction counts as resolved, the key as the scope. */
const LEFT_OUT = new Set(['api_key', 'jurisdiction_id']);

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

export function submissionFingerprint(j: Jurisdiction, fields: FormFields, media: readonly NewMedia[]): string {
  const named = [...fields].filter(([name]) => !LEFT_OUT.has(name)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const files = media.map((m) => [m.content_type, sha256(m.bytes)]);
  return sha256(JSON.stringify([j.id, named, files]));
}
