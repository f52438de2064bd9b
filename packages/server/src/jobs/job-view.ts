/**
 * A job as admins see it (staff API and back office): only the payload fields
 * its job declares (SHOWN_FIELDS), and the last error with any e-mail address
 * masked (SMTP errors often quote the recipient).
 */
import type { JobRecord } from '@o311/jobs';
import { SHOWN_FIELDS, type JobName } from './job-names.js';

export type ShownData = Record<string, string | number | boolean | null>;

export type AdminJob = Omit<JobRecord, 'data' | 'singletonKey'> & { data: ShownData };

const MAX_ERROR_CHARS = 500;
const EMAIL = /[^\s<>()[\]"',;:@]+@[^\s<>()[\]"',;:@]+/g;

export const maskAddresses = (text: string): string => text.replace(EMAIL, '[address]');

const isKnownJob = (name: string): name is JobName => Object.hasOwn(SHOWN_FIELDS, name);

function shownData(name: string, data: unknown): ShownData {
  const shown: ShownData = {};
  if (!isKnownJob(name) || typeof data !== 'object' || data === null) return shown;
  for (const field of SHOWN_FIELDS[name]) {
    const value: unknown = (data as Record<string, unknown>)[field];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null) shown[field] = value;
  }
  return shown;
}

export const toAdminJob = ({ data, singletonKey: _, lastError, ...j }: JobRecord): AdminJob => ({
  ...j,
  data: shownData(j.name, data),
  lastError: lastError === null ? null : maskAddresses(lastError).slice(0, MAX_ERROR_CHARS),
});
