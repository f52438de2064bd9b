/**
 * One request as the tracker shows it, read ONLY through the server's public
 * projection (`findRequest` with extensions): no reporter contact data and no
 * internal notes can reach these pages.
 */
import { parseW3CDateTime, type Attribute, type ExtendedStatus, type RequestNote } from '@o311/georeport';
import { catalogServices, requestServices } from '@o311/server';
import type { Jurisdiction } from '@o311/store';
import type { WebContext } from '../context.js';
import type { ProjectionContext } from '../citizen/origin.js';
import type { ReporterMark } from '../reporter/timeline-marks.js';

export type ProjectedRequest = Awaited<ReturnType<typeof requestServices.findRequest>>;

export interface TimelineEvent {
  /** 1-based position among the public events: stable, used for anchors and feed entry ids. */
  n: number;
  at: number;
  /** As the API writes it (local time with offset). */
  datetime: string;
  type: RequestNote['type'];
  status: ExtendedStatus;
  description: string;
  /** Set when the request's reporter added it (reporter/timeline-marks.ts). */
  reporter?: ReporterMark;
}

export interface AnsweredAttribute {
  code: string;
  question: string;
  /** Display names of the chosen values (one for everything but multivaluelist). */
  answers: string[];
  datatype: Attribute['datatype'] | undefined;
}

export interface TrackedRequest {
  j: Jurisdiction;
  request: ProjectedRequest;
  /** In the page's language where the service has a translation. */
  serviceName: string;
  status: ExtendedStatus;
  events: TimelineEvent[];
  attributes: AnsweredAttribute[];
  photos: string[];
  requestedAt: number;
  updatedAt: number;
  expectedAt: number | null;
}

const ms = (datetime: string): number => parseW3CDateTime(datetime) ?? 0;

function answered(raw: readonly { code: string; value: string | string[] }[], definition: readonly Attribute[]): AnsweredAttribute[] {
  return raw.map(({ code, value }) => {
    const a = definition.find((d) => d.code === code);
    const names = (Array.isArray(value) ? value : [value]).map((v) => a?.values?.find((x) => x.key === v)?.name ?? v);
    return { code, question: a?.description || code, answers: names, datatype: a?.datatype };
  });
}

/** The definition in `locale`, or none when the service is gone or inactive (answers then show their codes). */
async function definitionOf(web: WebContext, j: Jurisdiction, code: string, locale: string): Promise<Attribute[]> {
  try {
    return (await catalogServices.publicDefinition(web.services.store, j, code, locale)).attributes;
  } catch {
    return [];
  }
}

async function serviceNameOf(web: WebContext, j: Jurisdiction, r: ProjectedRequest, locale: string): Promise<string> {
  const services = await catalogServices.listPublicServices(web.services.store, j, locale);
  return services.find((s) => s.service_code === r.service_code)?.service_name ?? r.service_name;
}

/** Throws the server's 404 failure for an unknown id. */
export async function loadTrackedRequest(
  web: WebContext,
  j: Jurisdiction,
  id: string,
  projection: ProjectionContext,
  locale: string,
): Promise<TrackedRequest> {
  const request = await requestServices.findRequest(web.services, j, id, true, projection);
  const ext = request.extended_attributes;
  const notes = ext?.notes ?? [];
  const definition = ext && ext.attributes.length > 0 ? await definitionOf(web, j, request.service_code, locale) : [];
  return {
    j,
    request,
    serviceName: await serviceNameOf(web, j, request, locale),
    status: ext?.detailed_status ?? request.status,
    events: notes.map((note, i) => ({
      n: i + 1,
      at: ms(note.datetime),
      datetime: note.datetime,
      type: note.type,
      status: note.status,
      description: note.description,
    })),
    attributes: answered(ext?.attributes ?? [], definition),
    photos: ext?.media_urls ?? (request.media_url ? [request.media_url] : []),
    requestedAt: ms(request.requested_datetime),
    updatedAt: ms(request.updated_datetime),
    expectedAt: request.expected_datetime === null ? null : ms(request.expected_datetime),
  };
}
