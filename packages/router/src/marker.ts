/**
 * The mark a federated request carries upstream when the upstream cannot
 * dedupe by itself (no Idempotency-Key): a short last line of the
 * description naming the request's stable id. After a lost answer the router
 * looks for it among the upstream's recent requests before sending again.
 */
import { MAX_DESCRIPTION_LENGTH } from '@o311/georeport';

const PREFIX = 'Sent through o311 ref ';

/** The marker line of the request `id`. */
export const markerOf = (id: string): string => `[${PREFIX}${id}]`;

/** The longest marker with its separating line break: descriptions are bounded to leave room for it. */
export const MARKER_ROOM = markerOf('00000000-0000-0000-0000-000000000000').length + 2;

/** The description as sent: the marker on a line of its own at the end. */
export const withMarker = (description: string | null, id: string): string =>
  description === null || description.trim() === '' ? markerOf(id) : `${description}\n\n${markerOf(id)}`;

/** True when an upstream description carries the marker of `id` (upstreams may fold line breaks). */
export const hasMarker = (description: string | null | undefined, id: string): boolean =>
  description !== null && description !== undefined && description.includes(markerOf(id));

/** The description limit left to the reporter when a marker is added. */
export const DESCRIPTION_ROOM = MAX_DESCRIPTION_LENGTH - MARKER_ROOM;
