/**
 * The default service: realtime and active, with no description, keywords,
 * group, agency, notice, SLA, attributes or translations. Only its identity is
 * needed; any other field given replaces the default.
 */
import type { NewService } from './contract.js';

export type ServiceIdentity = Pick<NewService, 'jurisdiction_id' | 'service_code' | 'service_name'>;

export function newService({ jurisdiction_id, service_code, service_name, ...over }: ServiceIdentity & Partial<NewService>): NewService {
  return {
    jurisdiction_id,
    service_code,
    service_name,
    description: null,
    type: 'realtime',
    keywords: null,
    group: null,
    active: true,
    agency_responsible: null,
    service_notice: null,
    sla_hours: null,
    attributes: [],
    translations: {},
    ...over,
  };
}
