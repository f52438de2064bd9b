/** Every check, in report order (grouped by area). */
import type { Check } from '../check.js';
import { definitionChecks } from './definition.js';
import { discoveryChecks } from './discovery.js';
import { errorsChecks } from './errors.js';
import { extensionChecks } from './extensions.js';
import { parityChecks } from './formats-parity.js';
import { httpChecks } from './http.js';
import { performanceChecks } from './performance.js';
import { piiChecks } from './pii.js';
import { postChecks } from './post.js';
import { requestSingleChecks } from './request-single.js';
import { requestsListChecks } from './requests-list.js';
import { servicesChecks } from './services.js';
import { tokensChecks } from './tokens.js';

export const ALL_CHECKS: readonly Check[] = [
  ...httpChecks.filter((c) => c.id === 'http-reachable'),
  ...discoveryChecks,
  ...servicesChecks,
  ...definitionChecks,
  ...requestsListChecks,
  ...requestSingleChecks,
  ...errorsChecks,
  ...postChecks,
  ...tokensChecks,
  ...piiChecks,
  ...httpChecks.filter((c) => c.id !== 'http-reachable'),
  ...parityChecks,
  ...extensionChecks,
  ...performanceChecks,
];
