/**
 * The code samples of the developers' page: curl calls and the TypeScript
 * client (@o311/client's Open311Client), written for this server. The base
 * is the configured public URL (or the announced origin), never a Host header;
 * the sample request names a real service and a point near the city's reports,
 * so the sandbox call works as shown.
 */
import { SANDBOX_BASE } from '@o311/server';
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';

export interface ExampleTarget {
  /** `https://city.example`, without a trailing slash. */
  base: string;
  jurisdictionId: string;
  serviceCode: string;
  lat: number;
  long: number;
  /** The sandbox's public key, when there is a sandbox. */
  sandboxKey?: string;
}

/** A shell word in single quotes (so `&` and `?` reach curl untouched). */
const quoted = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
const round = (n: number): string => String(Math.round(n * 1e5) / 1e5);

const block = (id: string, code: string): Html => html`<pre class="dev-code" id="${id}" tabindex="0"><code>${code}</code></pre>`;

function postCall(endpoint: string, key: string, x: ExampleTarget, withJurisdiction: boolean): string {
  return [
    `curl -X POST ${quoted(`${endpoint}/requests.json`)} \\`,
    `  --data-urlencode ${quoted(`api_key=${key}`)} \\`,
    ...(withJurisdiction ? [`  --data-urlencode ${quoted(`jurisdiction_id=${x.jurisdictionId}`)} \\`] : []),
    `  --data-urlencode ${quoted(`service_code=${x.serviceCode}`)} \\`,
    `  -d lat=${round(x.lat)} -d long=${round(x.long)} \\`,
    `  --data-urlencode 'description=Pothole outside number 12'`,
  ].join('\n');
}

export function curlExamples(t: Translator, x: ExampleTarget): Html {
  const api = `${x.base}/open311/v2`;
  const j = encodeURIComponent(x.jurisdictionId);
  return html`<p>${t('developers.examples.services')}</p>
${block('example-services', `curl ${quoted(`${api}/services.json?jurisdiction_id=${j}`)}`)}
<p>${t('developers.examples.requests')}</p>
${block('example-requests', `curl ${quoted(`${api}/requests.xml?jurisdiction_id=${j}&status=open`)}`)}
${x.sandboxKey !== undefined ? html`<p>${t('developers.examples.post')}</p>
${block('example-sandbox-post', postCall(`${x.base}${SANDBOX_BASE}`, x.sandboxKey, x, false))}` : ''}
<p>${t('developers.examples.postKey')}</p>
${block('example-post', postCall(api, 'YOUR_API_KEY', x, true))}`;
}

export function sdkExample(x: ExampleTarget): Html {
  return block('example-sdk', `import { Open311Client } from '@o311/client';

const client = new Open311Client({
  baseUrl: '${x.base}/open311/v2/',
  jurisdictionId: '${x.jurisdictionId}',
  apiKey: process.env.OPEN311_API_KEY,
});

const { data: services } = await client.services();
console.log(services.map((s) => s.service_name));

const { data: receipts } = await client.submit({
  service_code: '${x.serviceCode}',
  lat: ${round(x.lat)},
  long: ${round(x.long)},
  description: 'Pothole outside number 12',
});
console.log(receipts[0]?.service_request_id ?? receipts[0]?.token);`);
}
