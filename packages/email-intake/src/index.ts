export { DEFAULT_MAIL_LIMITS, type MailLimits } from './limits.js';
export { addressedTo, parseIntakeAddress, replyAddress, type AddressedTo, type IntakeAddress } from './addresses.js';
export { ownMessageId, tokenInThread } from './thread-ids.js';
