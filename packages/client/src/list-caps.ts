/**
 * Whether a list answer may have been cut by the server: the monitor's usage
 * sampling and the harvester read an unpaged requests list the same way.
 */
import { DEFAULT_MAX_RESULTS } from './quirks.js';

/**
 * List lengths at which real servers cut their answers (the spec's 1000, the 50 of San Francisco,
 * Chicago, Boston or Mark-a-Spot, and round figures): an answer of exactly one of these is taken as
 * capped even when the quirk profile names no cap. At worst an endpoint with exactly that many shows
 * "at least" that many, or a harvest window that held them is asked again in two halves.
 */
export const COMMON_PAGE_CAPS: ReadonlySet<number> = new Set([25, 50, 100, 200, 250, 500, 1000]);

/** `count` items reached `cap` (the profile's, else the spec's) or one of the common caps. */
export const mayBeCapped = (count: number, cap = DEFAULT_MAX_RESULTS): boolean => count >= cap || COMMON_PAGE_CAPS.has(count);
