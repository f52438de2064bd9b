/**
 * A boundary file uploaded for one endpoint: the multipart form read under
 * the server's upload limits, its CSRF token checked before the file is read,
 * the file parsed by the discovery package (GeoJSON, TopoJSON or a zipped
 * shapefile) and every feature merged into the endpoint's one boundary.
 */
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { FastifyRequest } from 'fastify';
import { field, forbidden, isOpen311Failure, isTier, type MultiPolygon, type Tier } from '@o311/georeport';
import { BoundaryFileError, readBoundaryFile, slugify } from '@o311/discovery';
import { readFormBody, type ServiceContext } from '@o311/server';
import type { Endpoint, NewBoundary } from '@o311/store';
import { hasValidCsrfField } from '../../auth/csrf.js';

export type UploadResult = { ok: true; boundary: NewBoundary } | { ok: false; problem: string };

const MAX_NAME = 200;

/** The boundary's id: the endpoint's own, so that a new upload replaces the last one. */
export const endpointBoundaryId = (e: Endpoint): string => slugify(`endpoint-${e.slug}`);

export async function readBoundaryUpload(request: FastifyRequest, services: ServiceContext, e: Endpoint, csrfToken: string): Promise<UploadResult> {
  let body;
  try {
    body = await readFormBody(request, {
      limits: services.limits,
      uploadDir: tmpdir(),
      beforeFiles: async (fields) => {
        if (!hasValidCsrfField(fields, csrfToken)) throw forbidden('the form has expired: reload the page and upload again.');
      },
    });
  } catch (e) {
    if (isOpen311Failure(e) && e.status === 403) throw e;
    if (isOpen311Failure(e)) return { ok: false, problem: e.errors.map((x) => x.description).join(' ') };
    throw e;
  }
  try {
    // Without a file the token was never checked (no file part): check it now.
    if (!hasValidCsrfField(body.fields, csrfToken)) throw forbidden('the form has expired: reload the page and upload again.');
    const upload = body.uploads.find((u) => u.field === 'file');
    if (!upload) return { ok: false, problem: 'no file was sent.' };
    const tierText = field(body.fields, 'boundary_tier') ?? e.tier;
    const tier: Tier = isTier(tierText) ? tierText : e.tier;
    const name = (field(body.fields, 'boundary_name') ?? '').trim().slice(0, MAX_NAME) || e.name;
    const fileName = upload.filename ?? 'upload';
    const file = await readBoundaryFile(await readFile(upload.path), { fileName, tier, source: `uploaded: ${fileName}` });
    const geometry: MultiPolygon = file.boundaries.flatMap((b) => b.geometry);
    if (geometry.length === 0) return { ok: false, problem: 'the file holds no polygon.' };
    return { ok: true, boundary: { id: endpointBoundaryId(e), name, tier, source: `uploaded: ${fileName}`, approximate: false, geometry } };
  } catch (e) {
    if (e instanceof BoundaryFileError) return { ok: false, problem: e.message };
    throw e;
  } finally {
    await body.discard();
  }
}
