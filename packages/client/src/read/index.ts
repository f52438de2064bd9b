/**
 * Tolerant readers: a body from any real GeoReport v2 server → typed values plus warnings.
 * They throw {@link ReadError} only when the body cannot be read as the document at all
 * (not JSON/XML, or no list/object of the expected kind anywhere); readErrors never throws.
 * A `timezone` option Intl does not know is a RangeError.
 */
export { readDiscovery } from './discovery.js';
export { readServices } from './services.js';
export { readServiceDefinition } from './definition.js';
export { readRequests } from './requests.js';
export { readReceipts } from './receipts.js';
export { readUpdates } from './updates.js';
export { readErrors } from './errors.js';
export { ReadError } from './read-error.js';
