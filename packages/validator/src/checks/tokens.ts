/** GET service_request_id from a token (spec: GET service_request_id from a token; digest §7). Write mode. */
import type { RequestReceipt } from '@o311/georeport';
import { fail, isOutcome, pass, type Check } from '../check.js';
import type { Load } from '../context.js';
import { RECEIPTS } from '../context/documents.js';
import { evidenceOf } from '../context/evidence.js';
import { loadProblem, sourceOf } from '../context/load.js';
import { memberText } from '../raw/value.js';
import { receiptFor } from './support/write.js';

const REF = 'GeoReport v2 §GET service_request_id from a token; digest §7';
/** Short waits between look-ups: the id may take a while (Chicago polls for minutes); the check does not. */
const POLL_DELAYS_MS = [0, 1000, 3000];

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export const tokensChecks: readonly Check[] = [
  /** After a batch POST, tokens/{token} answers with <service_requests><request> holding the token (and the id once known). */
  {
    id: 'token-lookup',
    title: 'tokens/{token} answers with the token (and an id once known)',
    specRef: REF,
    severity: 'error',
    fix: 'Serve tokens/{token} with the token, and the service_request_id once it is known.',
    write: true,
    async run(ctx) {
      const r = await receiptFor(ctx, 'batch');
      if (isOutcome(r)) return r;
      const { token } = r;
      if (token === null) return fail('the batch receipt has no token to look up (see post-batch-token)', evidenceOf(r.exchange));
      const format = await ctx.primaryFormat();
      const name = `tokens/${token}.${format}`;
      for (const delay of POLL_DELAYS_MS) {
        await sleep(delay);
        const fetched = await ctx.fresh(`tokens/${token}`, format);
        const load: Load<RequestReceipt[]> = ctx.interpret(RECEIPTS, fetched, format);
        if (load.kind !== 'ok') return fail(loadProblem(load, name), evidenceOf(sourceOf(load)));
        if (load.shapeProblems.length > 0) return fail(`${name}: ${load.shapeProblems.join('; ')}`, evidenceOf(load.exchange));
        const item = load.items[0];
        if (item === undefined) return fail(`${name}: no <request> in the answer`, evidenceOf(load.exchange));
        const echoed = memberText(item, 'token')?.trim();
        if (echoed !== undefined && echoed !== '' && echoed !== token) return fail(`${name}: answers for token '${echoed}'`, evidenceOf(load.exchange));
        const id = memberText(item, 'service_request_id')?.trim();
        if (id !== undefined && id !== '') return pass(`${name} resolves to service_request_id '${id}'`);
      }
      return pass(`${name} answers, without a service_request_id yet (allowed: the id may take time to appear)`);
    },
  },
];
