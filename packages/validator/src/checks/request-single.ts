/** GET Service Request (spec: GET Service Request; digest §9). Runs on up to three ids from the default list. */
import type { ClientRequest } from '@o311/client';
import type { Format } from '@o311/georeport';
import { skip, type Check } from '../check.js';
import type { CheckContext } from '../context.js';
import { REQUESTS } from '../context/documents.js';
import { loadProblem, sourceOf } from '../context/load.js';
import { member, show, textOf } from '../raw/value.js';
import { differences } from './support/compare.js';
import { formatOffered } from './support/document-check.js';
import { Findings } from './support/findings.js';

const REF = 'GeoReport v2 §GET Service Request; digest §9, §1.1';
const NO_IDS = 'the default requests list has no request with an id';

const single = (ctx: CheckContext, id: string, format: Format) => ctx.load(REQUESTS, `requests/${id}`, format);

function documentCheck(format: Format): Check['run'] {
  return async (ctx) => {
    const offered = await formatOffered(ctx, format);
    if (offered !== null) return offered;
    const ids = await ctx.sampleRequestIds();
    if (ids.length === 0) return skip(NO_IDS);
    const findings = new Findings();
    for (const id of ids) {
      const name = `requests/${id}.${format}`;
      const load = await single(ctx, id, format);
      if (load.kind !== 'ok') {
        findings.add(loadProblem(load, name), sourceOf(load));
        continue;
      }
      const problems = [...load.shapeProblems];
      if (load.items.length !== 1) problems.push(`${load.items.length} requests in the list, expected exactly one`);
      const got = textOf(member(load.items[0] ?? {}, 'service_request_id'));
      if (load.items.length > 0 && got?.trim() !== id) problems.push(`the request's service_request_id is ${show(got ?? undefined)}`);
      findings.addAll(problems.map((p) => `${name}: ${p}`), load.exchange);
    }
    return findings.outcome(`${ids.length} request(s) each answered as a one-element list with the right id`);
  };
}

const COMPARED = ['status', 'service_code', 'requested_datetime', 'updated_datetime', 'description', 'lat', 'long'] as const satisfies readonly (keyof ClientRequest)[];

export const requestSingleChecks: readonly Check[] = [
  /** requests/{id}.xml is <service_requests> with exactly one <request>, the one asked for. */
  { id: 'request-single-xml', title: 'requests/{id}.xml answers with one <request> of that id', specRef: REF, severity: 'error', formats: ['xml'], fix: 'Serve requests/{id}.xml as <service_requests> holding exactly the one request asked for.', run: documentCheck('xml') },
  /** requests/{id}.json is a one-element array holding the request asked for. */
  { id: 'request-single-json', title: 'requests/{id}.json answers with a one-element array of that id', specRef: REF, severity: 'error', formats: ['json'], fix: 'Serve requests/{id}.json as an array holding exactly the one request asked for.', run: documentCheck('json') },
  /** The single request agrees with its entry in the list (status, code, dates, description, position). */
  {
    id: 'request-single-matches-list',
    title: 'requests/{id} agrees with the list entry',
    specRef: REF,
    severity: 'warning',
    fix: 'Build the single request and the list entry from the same data.',
    async run(ctx) {
      const [ids, list, format] = [await ctx.sampleRequestIds(), await ctx.requestList(), await ctx.primaryFormat()];
      if (ids.length === 0) return skip(NO_IDS);
      const findings = new Findings();
      for (const id of ids) {
        const load = await single(ctx, id, format);
        const one = load.kind === 'ok' ? load.read?.value[0] : undefined;
        const entry = list.find((r) => r.service_request_id === id);
        if (one === undefined || entry === undefined) continue;
        findings.addAll(differences(one, entry, COMPARED, ['single', 'list']).map((d) => `requests/${id}.${format}: ${d}`), sourceOf(load));
      }
      return findings.outcome(`${ids.length} single request(s) match the list`);
    },
  },
];
