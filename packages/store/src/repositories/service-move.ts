/** Moving a request to another service of its jurisdiction (see service-move.ts for what moves with it). */
import { validateAttributeAnswers, type Attribute } from '@o311/georeport';
import type { ServiceMove, ServiceMoveResult } from '../service-move.js';
import { appendAudit } from './audit.js';
import { insertEvent, storeDerivedHistory } from './events.js';
import { recordChange } from './request-changes.js';
import { requestRow, slaExpectedAt } from './requests.js';
import { inTransaction, parseJson, type Db } from './shared.js';
import { toTriagedRequest } from './triage.js';

export async function moveRequestService(db: Db, m: ServiceMove): Promise<ServiceMoveResult> {
  return inTransaction(db, async (trx) => {
    const row = await requestRow(trx, m.jurisdiction_id, m.request_id);
    if (!row) return { ok: false, reason: 'unknown-request' };
    if (row.service_code === m.service_code) return { ok: false, reason: 'same-service' };
    const services = await trx
      .selectFrom('services')
      .select(['service_code', 'service_name', 'active', 'agency_responsible', 'service_notice', 'sla_hours', 'attributes'])
      .where('jurisdiction_id', '=', m.jurisdiction_id)
      .where('service_code', 'in', [row.service_code, m.service_code])
      .execute();
    const target = services.find((s) => s.service_code === m.service_code);
    if (!target) return { ok: false, reason: 'unknown-service' };
    if (target.active === 0) return { ok: false, reason: 'inactive-service' };
    // The old service may have been deleted since: then nothing of the request is known to be its.
    const source = services.find((s) => s.service_code === row.service_code);

    const answers = parseJson<Record<string, string | string[]>>(row.attributes);
    // An answer stays when the new service asks the same code and the answer fits its question (a list's keys, a
    // number); what the new service requires but was never asked stays unanswered: staff cannot answer for the reporter.
    const sent = new Map(Object.entries(answers).map(([code, a]): [string, string[]] => [code, typeof a === 'string' ? [a] : a]));
    const kept = validateAttributeAnswers(sent, parseJson<Attribute[]>(target.attributes), []);
    const dropped = Object.keys(answers).filter((code) => !Object.hasOwn(kept, code));
    const agencyWasService = source !== undefined && row.agency_responsible === source.agency_responsible;
    const expectedWasSla = source !== undefined && row.expected_at === slaExpectedAt(row.requested_at, source.sla_hours);

    const at = m.at ?? Date.now();
    // A public change: the derived history entry of an imported request is stored before `updated_at` moves.
    await storeDerivedHistory(trx, row);
    const updated = await trx
      .updateTable('requests')
      .set({
        service_code: target.service_code,
        service_name: target.service_name,
        service_notice: target.service_notice,
        attributes: JSON.stringify(kept),
        updated_at: Math.max(row.updated_at, at),
        ...(agencyWasService ? { agency_responsible: target.agency_responsible } : {}),
        ...(expectedWasSla ? { expected_at: slaExpectedAt(row.requested_at, target.sla_hours) } : {}),
      })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await insertEvent(trx, {
      request_id: row.id,
      jurisdiction_id: m.jurisdiction_id,
      at,
      type: 'comment',
      status: row.status,
      description: `${row.service_name} → ${target.service_name}`,
      public: 1,
      author: m.author,
      media_url: null,
    });
    await recordChange(trx, { jurisdiction_id: m.jurisdiction_id, request_id: row.id, kind: 'updated', at });
    await appendAudit(trx, {
      at,
      actor: m.actor,
      action: 'request.service',
      jurisdiction_id: m.jurisdiction_id,
      request_id: String(row.id),
      details: { from: row.service_code, to: target.service_code, dropped_attributes: dropped, ...m.audit_details },
    });
    return {
      ok: true,
      request: toTriagedRequest(updated),
      from: { service_code: row.service_code, service_name: row.service_name },
      dropped_attributes: dropped,
    };
  });
}
