/**
 * An areas file uploaded for one dashboard source: the multipart form read
 * with at most AREA_LIMITS.bytes of file (as the staff API's body limit), its
 * CSRF token checked before the file is read, and the file parsed as JSON.
 * The GeoJSON itself is checked by the same service as the API's.
 */
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { FastifyRequest } from 'fastify';
import { field, forbidden, isOpen311Failure } from '@o311/georeport';
import { dashboardAdmin, readFormBody, type ServiceContext } from '@o311/server';
import type { Translator } from '../../../i18n/translate.js';
import { hasValidCsrfField } from '../../auth/csrf.js';

export type AreaUpload = { ok: true; body: unknown; nameProperty: string | undefined } | { ok: false; problems: string[] };

const MAX_NAME_PROPERTY = 100;
export const AREA_FILE_MB = dashboardAdmin.AREA_LIMITS.bytes / 1024 / 1024;

const expired = () => forbidden('the form has expired: reload the page and upload again.');

/** Throws 403 for a missing or wrong token; every other problem is returned, in the page's words. */
export async function readAreaUpload(request: FastifyRequest, services: ServiceContext, csrfToken: string, t: Translator): Promise<AreaUpload> {
  let body;
  try {
    body = await readFormBody(request, {
      limits: { bodyLimitBytes: services.limits.bodyLimitBytes, mediaTotalLimitBytes: dashboardAdmin.AREA_LIMITS.bytes },
      uploadDir: tmpdir(),
      beforeFiles: async (fields) => {
        if (!hasValidCsrfField(fields, csrfToken)) throw expired();
      },
    });
  } catch (e) {
    if (isOpen311Failure(e) && e.status === 403) throw e;
    if (isOpen311Failure(e) && e.status === 413) return { ok: false, problems: [t('staff.dashboard.problem.tooLarge', { mb: AREA_FILE_MB })] };
    if (isOpen311Failure(e)) return { ok: false, problems: e.errors.map((x) => x.description) };
    // The multipart plugin's own per-file limit (larger than ours) ends the stream with a 413 of its own.
    if (e instanceof Error && (e as { statusCode?: unknown }).statusCode === 413) {
      return { ok: false, problems: [t('staff.dashboard.problem.tooLarge', { mb: AREA_FILE_MB })] };
    }
    throw e;
  }
  try {
    // Without a file the token was never checked (no file part): check it now.
    if (!hasValidCsrfField(body.fields, csrfToken)) throw expired();
    const nameProperty = (field(body.fields, 'name_property') ?? '').trim();
    if (nameProperty.length > MAX_NAME_PROPERTY) return { ok: false, problems: [t('staff.dashboard.problem.nameProperty')] };
    const upload = body.uploads.find((u) => u.field === 'file');
    if (!upload) return { ok: false, problems: [t('staff.dashboard.problem.noFile')] };
    let parsed: unknown;
    try {
      parsed = JSON.parse((await readFile(upload.path)).toString('utf8').replace(/^\uFEFF/, ''));
    } catch {
      return { ok: false, problems: [t('staff.dashboard.problem.notJson')] };
    }
    return { ok: true, body: parsed, nameProperty: nameProperty === '' ? undefined : nameProperty };
  } finally {
    await body.discard();
  }
}
