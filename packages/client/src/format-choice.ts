/** Which format to ask an endpoint for (the monitor, the harvester and the router choose alike). */
import type { Format } from '@o311/georeport';

/** JSON when the endpoint offers it or says nothing (an empty list), else XML, which the spec requires. */
export const preferredFormat = (offered: readonly Format[]): Format => (offered.length === 0 || offered.includes('json') ? 'json' : 'xml');
