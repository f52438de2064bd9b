/**
 * Upper bounds of the numbers staff set, checked by the services and declared
 * by the staff API schemas and the web forms. Without them one absurd value
 * got through whole: `sla_hours: 100000000` gave every new request an
 * expected date in year 13,000, which no response can write.
 */

/** Ten years: the longest promise a service may make. */
export const MAX_SLA_HOURS = 87_600;

/** Display order of a service's questions (1 up to this). */
export const MAX_ATTRIBUTE_ORDER = 10_000;

/** Requests per minute an API key may be allowed (0 means unlimited). */
export const MAX_RATE_PER_MINUTE = 100_000;

/** Pages of a staff request list (a million pages of 500 is past any city's backlog). */
export const MAX_PAGE = 1_000_000;
