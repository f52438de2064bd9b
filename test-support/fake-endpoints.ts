/**
 * Fake GeoReport endpoints on loopback for monitor tests: see
 * bench/src/monitor-fake-endpoints.ts (kept there so that the compiled
 * benchmark can start the same fleet).
 */
export * from '../bench/src/monitor-fake-endpoints.js';
