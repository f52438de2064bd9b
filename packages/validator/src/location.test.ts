/**
 * The run's location (`validate({ location })`, `o311 validate --location`):
 * sent as lat and long with the service and request lists only, so that an
 * endpoint whose lists depend on where (the federated endpoint) can be validated.
 */
import { describe, expect, it } from 'vitest';
import type { Exchange, HttpRequest, Transport } from '@o311/client';
import { CHECKS, validate } from './run.js';
import { ValidatorUsageError } from './usage-error.js';

const BASE = 'https://federation.example/v2/';
const SERVICES = '<?xml version="1.0" encoding="utf-8"?><services><service><service_code>a:1</service_code><service_name>Pothole</service_name>' +
  '<description/><metadata>false</metadata><type>realtime</type><keywords/><group/></service></services>';
const NEEDS_LOCATION = '<?xml version="1.0" encoding="utf-8"?><errors><error><code>400</code><description>send lat and long</description></error></errors>';

/** services.xml answers only with lat and long; every URL asked for is kept. */
function locatedEndpoint(asked: URL[]): Transport {
  return async (req: HttpRequest): Promise<Exchange> => {
    const url = new URL(req.url);
    asked.push(url);
    const located = url.searchParams.has('lat') && url.searchParams.has('long');
    const body = url.pathname === '/v2/services.xml' && located ? SERVICES : NEEDS_LOCATION;
    const status = body === SERVICES ? 200 : 400;
    return {
      request: req,
      response: {
        status, headers: { 'content-type': 'text/xml; charset=utf-8' }, body, size: body.length, truncated: false, invalidUtf8: false,
      },
      elapsedMs: 1,
      redirects: [],
    };
  };
}

const checks = CHECKS.filter((c) => c.id === 'services-xml' || c.id === 'definition-available');

describe('the run\'s location', () => {
  it('is sent with the lists, so that a located endpoint\'s list passes; without it the list fails', async () => {
    const asked: URL[] = [];
    const located = await validate({ url: BASE, transport: locatedEndpoint(asked), checks, location: { lat: 40.5, long: -89.25 } });
    expect(located.results.find((r) => r.id === 'services-xml')?.status).toBe('pass');
    const services = asked.find((u) => u.pathname === '/v2/services.xml')!;
    expect([services.searchParams.getAll('lat'), services.searchParams.getAll('long')]).toEqual([['40.5'], ['-89.25']]);
    expect(asked.filter((u) => u.pathname.startsWith('/v2/services/')).every((u) => !u.searchParams.has('lat'))).toBe(true);

    const plain = await validate({ url: BASE, transport: locatedEndpoint([]), checks });
    expect(plain.results.find((r) => r.id === 'services-xml')?.status).toBe('fail');
  });

  it('must be a point on the globe', async () => {
    await expect(validate({ url: BASE, transport: locatedEndpoint([]), checks, location: { lat: 91, long: 0 } })).rejects.toThrow(ValidatorUsageError);
    await expect(validate({ url: BASE, transport: locatedEndpoint([]), checks, location: { lat: 0, long: Number.NaN } })).rejects.toThrow(/longitude/);
  });
});
