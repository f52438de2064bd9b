export { DEFAULT_MAIL_LIMITS, type MailLimits } from './limits.js';
export { parseIntakeAddress, type IntakeAddress } from './addresses.js';
export type { IntakeContext, MailEnvelope } from './intake-context.js';
export { ingestMail, type IngestOptions, type IngestResult } from './ingest.js';
export { startSmtpIntake, type SmtpIntake, type SmtpIntakeOptions } from './smtp-listener.js';
export { emailIntakePlugin, type EmailIntakeOptions } from './intake-plugin.js';
export { deleteMail, quarantined, releaseMail, type ReleaseOutcome } from './quarantine.js';
export { reporterThread, threadingFor } from './threading.js';
