/** Problems found by one check, turned into its outcome: pass, or fail listing the first few with evidence. */
import type { Exchange } from '@o311/client';
import { fail, pass, type CheckOutcome, type Evidence } from '../../check.js';
import { evidenceOf } from '../../context/evidence.js';
import type { FetchFailure } from '../../context/fetcher.js';

const LISTED = 5;

export class Findings {
  readonly #problems: string[] = [];
  #evidence: Evidence | undefined;

  /** Records a problem; the first one with a source provides the evidence. */
  add(problem: string, source?: Exchange | FetchFailure | null): void {
    this.#problems.push(problem);
    if (this.#evidence === undefined && source) this.#evidence = evidenceOf(source);
  }

  addAll(problems: readonly string[], source?: Exchange | FetchFailure | null): void {
    for (const p of problems) this.add(p, source);
  }

  get count(): number {
    return this.#problems.length;
  }

  outcome(passMessage: string): CheckOutcome {
    if (this.#problems.length === 0) return pass(passMessage);
    return fail(summarise(this.#problems), this.#evidence);
  }
}

export function summarise(problems: readonly string[]): string {
  const shown = problems.slice(0, LISTED).join('; ');
  const more = problems.length > LISTED ? ` (+${problems.length - LISTED} more)` : '';
  return problems.length === 1 ? shown : `${problems.length} problems: ${shown}${more}`;
}
