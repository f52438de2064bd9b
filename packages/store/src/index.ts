/**
 * @o311/store — persistence of o311 behind the `Store` contract, on SQLite
 * (embedded default) or PostgreSQL, with one schema and one implementation.
 */
export type * from './contract.js';
export type * from './back-office.js';
export type * from './service-move.js';
export type * from './login-attempts.js';
export type * from './registry.js';
export type * from './federation.js';
export type * from './citizens.js';
export { FEDERATED_STATES, MAX_FEDERATED_ERROR } from './federation.js';
export { ENDPOINT_STATUSES } from './registry.js';
export { PRIORITIES } from './back-office.js';
export { GLOBAL_SCOPE, inScope, scopeWithin, type JurisdictionScope } from './scope.js';
export { API_CLIENTS, BLACKBOX_RECEIPTS } from './contract.js';
export { openStore, type OpenStoreOptions } from './open.js';
export { parseDatabaseUrl, redactUrl, type DatabaseLocation } from './url.js';
export { generateSecret, hashSecret, generateRequestToken, SECRET_PREFIXES, type SecretKind } from './secrets.js';
export { newService, type ServiceIdentity } from './new-service.js';
export { rotateApiKey } from './rotate-api-key.js';
export { sharedPublicKey } from './shared-public-key.js';
export { NulInTextError } from './nul-text.js';
export type * from './idempotency.js';
export { IdempotencyKeyReused } from './idempotency.js';
export type * from './monitor.js';
export type * from './validation-runs.js';
export {
  POLL_ERROR_KINDS, MONITOR_STATES, MONITOR_EVENT_KINDS, MIN_POLL_INTERVAL_S, MAX_POLL_INTERVAL_S, DEFAULT_POLL_INTERVAL_S,
  MAX_MONITOR_TEXT,
} from './monitor.js';
export { VALIDATION_STATES, VALIDATION_SOURCES, VALIDATION_FORMATS, MAX_VALIDATION_ERROR } from './validation-runs.js';
export type * from './changes.js';
export { CHANGE_GAP_WAIT_MS, REQUEST_CHANGE_KINDS } from './changes.js';
export type * from './dashboard.js';
export type * from './webhooks.js';
export type * from './moderation.js';
export { MODERATION_TARGETS, MODERATION_ACTIONS, MAX_MODERATION_REASON, hiddenMedia } from './moderation.js';
export type * from './reporter.js';
export { REPORTER_AUTHOR, REPORTER_NOT_FIXED_AUTHOR, REPORTER_FIXED_AUTHOR, isReporterAuthor, REPORTER_ANSWERS, DEFAULT_REPORTER_SETTINGS, MAX_QUESTION_DELAY_HOURS, MAX_REOPEN_WINDOW_DAYS } from './reporter.js';
export type * from './key-requests.js';
export { KEY_REQUEST_STATES, KEY_REQUEST_LIMITS } from './key-requests.js';
export { WEBHOOK_EVENTS, WEBHOOK_STATES, DELIVERY_STATES, MAX_WEBHOOK_URL, MAX_WEBHOOK_NAME, MAX_ATTEMPT_EXCERPT } from './webhooks.js';
export type * from './gazetteer.js';
export { MAX_GAZETTEER_TEXT, MAX_GAZETTEER_ADDRESSES, MAX_GAZETTEER_STREETS, MAX_GAZETTEER_RESULTS, MAX_NEIGHBOURS } from './gazetteer.js';
export type * from './supporters.js';
export type * from './sms.js';
export { SMS_DIRECTIONS, SMS_MESSAGE_STATES } from './sms.js';
export type * from './callers.js';
export { PHONE_MATCH_DIGITS } from './callers.js';
export { MAX_SUPPORTER_KEYS, MAX_SUPPORTER_KEY_LENGTH } from './supporters.js';
export type * from './mail-intake.js';
export { MAIL_VERDICTS, MAX_MESSAGE_ID, MAX_RAW_MAIL } from './mail-intake.js';
export type * from './exports.js';
export { EXPORT_PAGE_BOUNDS } from './exports.js';
export {
  DASHBOARD_SOURCE_KINDS, FACT_STATUSES, SERIES_BUCKETS, CLOSE_HOURS_BOUNDS, BACKLOG_AGE_BOUNDS, sourceId,
  MAX_RANGE_DAYS, MAX_DAY_BUCKETS, MAX_FILTER_KEYS, MAX_POINTS,
} from './dashboard.js';
export { addDays, dayNumber, dayOf, dayOfNumber, dayStart } from './days.js';
export { freshSingleFlight } from './fresh-single-flight.js';
