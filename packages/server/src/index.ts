export { buildApp, DEFAULT_LIMITS, type AppOptions, type AppPlugin } from './app.js';
export { createPointDiscovery, type DiscoveryOptions } from './discovery-api/create-point-discovery.js';
export type { LookupQuery, Point, PointDiscovery } from './discovery-api/point-discovery.js';
export { parseLookupQuery } from './discovery-api/point-query.js';
export type { ServiceContext, Limits } from './services/context.js';
export type { FastifyInstance } from 'fastify';
export type { PublicOrigin } from './http/public-origin.js';
export { DEFAULT_TIMEOUTS, type ServerTimeouts } from './http/timeouts.js';
export * as staffServices from './services/staff.js';
export * as staffScope from './services/staff-scope.js';
export type { Channel, StaffActor } from './services/staff-actor.js';
export { recordAudit, type AuditedChange } from './services/audit.js';
export { changeStatus } from './services/request-status.js';
export { addComment, MAX_COMMENT_LENGTH } from './services/request-comments.js';
export { queueFollowerNotice } from './services/follower-notices.js';
export { updateTriage, type TriageInput } from './services/request-triage.js';
export { moveRequestService, type ServiceMoveInput, type ServiceMoveOutcome } from './services/request-service-move.js';
export { markDuplicate } from './services/request-duplicates.js';
export * as moderation from './services/moderation.js';
export { createDepartment, deleteDepartment, renameDepartment, type DepartmentInput } from './services/departments.js';
export { issueApiKey, issueStaffToken, withdrawApiKey, withdrawStaffToken } from './services/access.js';
export {
  askForKey, approveKeyRequest, keyRequestOfLink, limitApiKey, refuseKeyRequest, verifyKeyRequest, KEY_REQUEST_LINK_TTL_MS, KEY_REQUESTS_PER_MINUTE,
  SELF_SERVICE_RATE_PER_MINUTE, type KeyAsked, type KeyRequestDecision, type KeyRequestInput, type KeyVerified,
} from './services/key-requests.js';
export { developerSettings, saveDeveloperSettings, termsDigest, MAX_TERMS_LENGTH, type DeveloperSettings } from './services/developer-settings.js';
export { changeService, removeService } from './services/catalog-changes.js';
export { deleteTemplate, saveTemplate } from './services/templates.js';
export * as staffAccounts from './services/staff-accounts.js';
export * as callTaking from './services/call-taking.js';
export * as catalogServices from './services/catalog.js';
export * as requestServices from './services/requests.js';
export * as reporterServices from './services/reporter-updates.js';
export { reporterSettings, saveReporterSettings, type ReporterSettingsInput } from './services/reporter-settings.js';
export { authorizeKey, spendingQuota, type Quota } from './services/api-keys.js';
export { resendRisk, RESENDING_CLIENTS, type ResendRisk } from './services/resending-clients.js';
export { ensureSandbox, SANDBOX_BASE, type SandboxConfig } from './sandbox/sandbox.js';
export { resetSandbox } from './sandbox/reset.js';
export { startJobQueue } from './jobs/job-queue.js';
export type { AdminJob, ShownData } from './jobs/job-view.js';
export * as jobsAdmin from './services/jobs-admin.js';
export * from './jobs/job-names.js';
export type { JobQueue, JobState } from '@o311/jobs';
export { resolveJurisdiction, resolveStaffJurisdiction, servedJurisdiction } from './services/jurisdictions.js';
export { roleAllows, type Permission } from './staff/auth.js';
export { sniffMediaType, MEDIA_TYPE_NAMES, type MediaType } from './http/media-type.js';
export { checkImage, type ImageVerdict } from './media/check-image.js';
export { readFormBody, type FormBody, type Upload } from './http/form-body.js';
export { MAX_ATTRIBUTE_ORDER, MAX_RATE_PER_MINUTE, MAX_SLA_HOURS } from './services/setting-bounds.js';
export * as registryAdmin from './registry-admin/registry-admin.js';
export * as federationAdmin from './registry-admin/federation-admin.js';
export { queueDelivery, sweepDeliveries } from './jobs/router-delivery.js';
export { routerServices, type RouterServices, type RoutedSubmission } from './federated/router-services.js';
export { federatedName, localeTag, parseFederatedName } from '@o311/router';
export { CredentialBox, CredentialError, NO_SECRET_MESSAGE, ROUTER_SECRET_ENV } from '@o311/router';
export { parseEndpointFields, type EndpointFields } from './registry-admin/endpoint-input.js';
export { registerRegistryChecks, queueRegistryCheck, type RegistryCheckSettings } from './jobs/registry-checks.js';
export { registerMonitor, monitorRuntime, type MonitorSettings } from './monitor/register-monitor.js';
export { DEFAULT_MONITOR_TIMEOUT_MS, MONITOR_BOUNDS, type MonitorOptions } from './monitor/monitor-options.js';
export { pollAllTargets, type PolledTarget } from './monitor/poll-all.js';
export { recordConformance } from './monitor/conformance.js';
export type { MonitorRuntime } from './monitor/monitor-runtime.js';
export * as monitorAdmin from './registry-admin/monitor-admin.js';
export * as webhookAdmin from './webhooks/subscribers.js';
export { isEmailAddress, MAX_EMAIL_LENGTH } from './services/email-address.js';
export { privateLiteral } from './services/outbound-address.js';
export {
  queueValidationRun, clientOf, isRefusal, MAX_API_KEY_LENGTH, MAX_JURISDICTION_LENGTH, type ValidationRunInput, type RunRefusal,
  type ValidationContext,
} from './validation/queue-run.js';
export { RUN_WINDOW_MS, RUNS_PER_WINDOW, WRITE_RUNS_PER_WINDOW } from './validation/run-limits.js';
export { STATUS_TAG, VALIDATOR_TAG } from './docs/openapi.js';
export { documentedOnly, type DocumentedOnly } from './docs/documented-only.js';
export {
  registerValidationJobs, runValidation, RUN_DEADLINE_MS, KEEP_ANY_RUN_MS, KEEP_RUNS_PER_URL, type ValidationJobSettings,
} from './validation/validation-job.js';
export { MAX_TARGET_URL_LENGTH } from './validation/validation-target.js';
export { ownEndpointUrl } from './validation/own-endpoint.js';
export { csvStream, csvCell, csvLine, CSV_CONTENT_TYPE, type CsvColumn, type CsvValue, type CsvOptions } from './open-data/csv-writer.js';
export {
  geoJsonStream, pointFeature, pointGeometry, GEOJSON_CONTENT_TYPE, type GeoJsonFeature, type FeatureMapper, type PointGeometry,
  type GeoJsonOptions,
} from './open-data/geojson-writer.js';
export { ndjsonStream, NDJSON_CONTENT_TYPE } from './open-data/ndjson-writer.js';
export { pageStream } from './open-data/page-stream.js';
export {
  exportStream, EXPORT_FORMATS, type ExportFormat, exportFilter, type ExportCriteria, type CriteriaNames, georeportStream, monthRange,
  parseMonth, requestMonths, type MonthCount, openDataBase, openDataJurisdiction, openDataJurisdictions, OPEN_DATA_HEADERS, openDataEtag,
  EXPORT_FIELDS,
} from './open-data/index.js';
export { freshDashboard, syncDashboard } from './dashboard/sync.js';
export * as dashboardAdmin from './dashboard/dashboard-admin.js';
export { createGeocoder, geocoderUrlProblem, geocoderAddressProblem, type GeocodingOptions } from './services/geocoding.js';
