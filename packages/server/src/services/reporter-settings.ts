/**
 * The reporter settings of a jurisdiction (store.reporter, issue 14), edited by
 * its admins: receipts for requests posted by other apps through the API, the
 * "is it fixed?" delay and the reopen window. Whole hours and days within bounds.
 */
import { badRequest } from '@o311/georeport';
import { MAX_QUESTION_DELAY_HOURS, MAX_REOPEN_WINDOW_DAYS, type JurisdictionScope, type ReporterSettings } from '@o311/store';
import { recordAudit } from './audit.js';
import type { ServiceContext } from './context.js';
import { requireInScope } from './jurisdictions.js';
import type { StaffActor } from './staff-actor.js';

export type ReporterSettingsInput = Omit<ReporterSettings, 'jurisdiction_id'>;

const whole = (n: number, max: number): boolean => Number.isInteger(n) && n >= 0 && n <= max;

/** 404 outside the scope, as for an unknown jurisdiction. */
export async function reporterSettings(ctx: ServiceContext, scope: JurisdictionScope, jurisdictionId: string): Promise<ReporterSettings> {
  const j = await requireInScope(ctx.store, scope, jurisdictionId);
  return ctx.store.reporter.settings(j.id);
}

/** 400 naming every value out of bounds; nothing is written then. */
export async function saveReporterSettings(
  ctx: ServiceContext,
  actor: StaffActor,
  jurisdictionId: string,
  input: ReporterSettingsInput,
): Promise<ReporterSettings> {
  const j = await requireInScope(ctx.store, actor.scope, jurisdictionId);
  const problems: string[] = [];
  if (!whole(input.question_delay_hours, MAX_QUESTION_DELAY_HOURS)) {
    problems.push(`question_delay_hours must be a whole number from 0 to ${MAX_QUESTION_DELAY_HOURS}.`);
  }
  if (!whole(input.reopen_window_days, MAX_REOPEN_WINDOW_DAYS)) {
    problems.push(`reopen_window_days must be a whole number from 0 to ${MAX_REOPEN_WINDOW_DAYS}.`);
  }
  if (problems.length > 0) throw badRequest(...problems);
  const saved = await ctx.store.reporter.saveSettings({ jurisdiction_id: j.id, ...input }, ctx.now());
  await recordAudit(ctx, actor, { action: 'jurisdiction.reporter-settings', jurisdiction_id: j.id, details: { ...input } });
  return saved;
}
