/** @o311/validator: a conformance suite for any GeoReport v2 endpoint. */
export type { Check, CheckOutcome, CheckStatus, Evidence, Severity } from './check.js';
export { SEVERITIES } from './check.js';
export type { CheckContext, RunSettings, Location, Query, Load, Fetched, FetchFailure, Target, FormFields } from './context.js';
export { validate, CHECKS, type ValidateOptions, type CheckResult, type ValidationReport } from './run.js';
export { ValidatorUsageError } from './usage-error.js';
export { formatReport, REPORT_FORMATS, type ReportFormat } from './reporters/index.js';
export { areaOf, areaTitle } from './areas.js';
