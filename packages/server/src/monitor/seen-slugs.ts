/**
 * The targets a monitor process has settled for one purpose (first figures,
 * first conformance run), so that a poll costs no extra read afterwards.
 * Bounded: past the limit the memory starts again, which costs a few extra
 * reads, never a wrong answer (each user checks the store before acting).
 */

/** Slugs remembered by default. */
export const MAX_SEEN_SLUGS = 10_000;

export class SeenSlugs {
  readonly #seen = new Set<string>();

  constructor(readonly max: number = MAX_SEEN_SLUGS) {}

  /** Those of `slugs` not settled yet. */
  unseen(slugs: readonly string[]): string[] {
    return slugs.filter((s) => !this.#seen.has(s));
  }

  add(slug: string): void {
    if (this.#seen.size >= this.max) this.#seen.clear();
    this.#seen.add(slug);
  }
}
