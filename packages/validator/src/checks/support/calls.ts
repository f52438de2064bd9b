/** The calls the transport-level checks examine, and a generic rule over them. */
import type { Exchange } from '@o311/client';
import type { Format } from '@o311/georeport';
import { skip, type CheckOutcome } from '../../check.js';
import type { CheckContext } from '../../context.js';
import { isSuccess } from '../../context/load.js';
import { Findings } from './findings.js';
import { formatOfUrl } from './media-type.js';
import { coreExchanges } from './probes.js';

export interface Answered {
  exchange: Exchange;
  /** From the URL's extension; null for URLs without one. */
  format: Format | null;
  name: string;
}

const nameOf = (url: string): string => {
  try {
    const u = new URL(url);
    return `${u.pathname.split('/').pop() ?? u.pathname}${u.search}`;
  } catch {
    return url;
  }
};

/** The answered core calls (see {@link coreExchanges}). */
export async function answeredCalls(ctx: CheckContext): Promise<Answered[]> {
  return (await coreExchanges(ctx)).map((exchange) => {
    const { method, url } = exchange.request;
    return { exchange, format: formatOfUrl(url), name: `${method} ${nameOf(url)}` };
  });
}

export interface CallRule {
  /** Which answered calls the rule applies to. */
  applies(a: Answered): boolean;
  /** The problem with one call, or null. */
  rule(a: Answered): string | null;
  what: string;
  passMessage: string;
}

/** A rule over the answered calls it applies to. */
export function callRule(spec: CallRule): (ctx: CheckContext) => Promise<CheckOutcome> {
  return async (ctx) => {
    const calls = (await answeredCalls(ctx)).filter(spec.applies);
    if (calls.length === 0) return skip(`no ${spec.what} to examine`);
    const findings = new Findings();
    for (const a of calls) {
      const p = spec.rule(a);
      if (p !== null) findings.add(`${a.name}: ${p}`, a.exchange);
    }
    return findings.outcome(`${calls.length} ${spec.what}: ${spec.passMessage}`);
  };
}

export const successful = (format?: Format) => (a: Answered): boolean =>
  isSuccess(a.exchange.response.status) && a.format !== null && (format === undefined || a.format === format);
