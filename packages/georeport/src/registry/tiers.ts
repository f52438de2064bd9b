/**
 * The tiers of government (and others) an endpoint can serve. A lookup lists
 * what covers a point from the smallest tier to the largest; utilities sit
 * between cities and counties (a water or power district usually serves a
 * town or a metro area), and `other` comes last.
 */
export const TIERS = ['district', 'city', 'utility', 'county', 'region', 'state', 'nation', 'world', 'other'] as const;

export type Tier = (typeof TIERS)[number];

const RANK: ReadonlyMap<string, number> = new Map(TIERS.map((t, i) => [t, i]));

export const isTier = (value: string): value is Tier => RANK.has(value);

/** Smaller tiers first. */
export const tierRank = (tier: Tier): number => RANK.get(tier) ?? TIERS.length;
