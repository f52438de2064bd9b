/**
 * "Check now" for a registry endpoint: the validator's read-only checks (no
 * test request is ever posted), summed up in one line for the registry. A
 * local endpoint is served by this o311 server and needs no HTTP. Private and
 * loopback addresses are refused unless the server was started allowing them,
 * as `o311 validate` does.
 */
import type { Endpoint, EndpointCheck } from '@o311/store';
import { validate, type ValidateOptions, type ValidationReport } from '@o311/validator';

export interface CheckOptions {
  allowPrivate: boolean;
  now?: () => number;
  /** Per HTTP call. */
  timeoutMs?: number;
  /** Tests may inject one. */
  transport?: ValidateOptions['transport'];
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `12 passed, 1 error, 2 warnings, 4 skipped`: failed checks by severity. */
export function summaryLine(s: ValidationReport['summary']): string {
  const parts = [`${s.passed} passed`];
  if (s.errors > 0) parts.push(plural(s.errors, 'error'));
  if (s.warnings > 0) parts.push(plural(s.warnings, 'warning'));
  if (s.info > 0) parts.push(`${s.info} info`);
  if (s.skipped > 0) parts.push(`${s.skipped} skipped`);
  return parts.join(', ');
}

export async function checkEndpoint(endpoint: Endpoint, options: CheckOptions): Promise<EndpointCheck> {
  const at = (options.now ?? Date.now)();
  if (endpoint.local) return { at, ok: true, summary: 'served by this o311 server' };
  const url = endpoint.discovery_url ?? endpoint.base_url;
  if (url === null) return { at, ok: false, summary: 'no GeoReport base URL or discovery URL to check' };
  try {
    const report = await validate({
      url,
      write: false,
      allowPrivate: options.allowPrivate,
      ...(endpoint.jurisdiction_id !== null ? { jurisdictionId: endpoint.jurisdiction_id } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.transport !== undefined ? { transport: options.transport } : {}),
    });
    const unreachable = report.results.find((r) => r.id === 'http-reachable' && r.status === 'fail');
    if (unreachable) return { at, ok: false, summary: `not reachable: ${unreachable.message}` };
    return { at, ok: report.summary.errors === 0, summary: summaryLine(report.summary) };
  } catch (e) {
    // A target the validator refuses (a bad URL, a private address): the check failed, with why.
    return { at, ok: false, summary: e instanceof Error ? e.message : String(e) };
  }
}
