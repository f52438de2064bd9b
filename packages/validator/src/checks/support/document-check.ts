/** Outcome of "this resource answers with the right document", shared by the per-format document checks. */
import type { Format } from '@o311/georeport';
import { fail, pass, skip, type CheckOutcome } from '../../check.js';
import type { CheckContext } from '../../context.js';
import { evidenceOf } from '../../context/evidence.js';
import { loadProblem, type Load } from '../../context/load.js';
import { summarise } from './findings.js';

export interface DocumentExpectation {
  /** e.g. `services.xml`. */
  name: string;
  /** Network failures fail the check (connectivity checks) instead of skipping it. */
  unreachableFails?: boolean;
}

export function documentOutcome(load: Load<unknown>, { name, unreachableFails = false }: DocumentExpectation): CheckOutcome {
  switch (load.kind) {
    case 'unreachable':
      if (load.failure.kind === 'no-base') return skip(loadProblem(load, name));
      return unreachableFails ? fail(loadProblem(load, name), evidenceOf(load.failure)) : skip(`${loadProblem(load, name)} (see http-reachable)`);
    case 'status':
    case 'unparseable':
      return fail(loadProblem(load, name), evidenceOf(load.exchange));
    case 'ok': {
      if (load.shapeProblems.length > 0) return fail(`${name}: ${summarise(load.shapeProblems)}`, evidenceOf(load.exchange));
      const count = load.items.length;
      return pass(`${name} answered HTTP ${load.exchange.response.status} with the expected document${count === 1 ? '' : ` (${count} items)`}`);
    }
  }
}

/** JSON documents are checked only where JSON is offered; XML always. */
export async function formatOffered(ctx: CheckContext, format: Format): Promise<CheckOutcome | null> {
  if (format === 'xml' || (await ctx.jsonOffered())) return null;
  return skip('JSON is not offered (not announced in discovery, and services.json gives no JSON)');
}
