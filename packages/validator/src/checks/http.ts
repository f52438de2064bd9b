/** HTTP and transport (digest §1 Content types/Encoding/XML shape, §13.7, §13.12). */
import { fail, pass, skip, type Check } from '../check.js';
import { evidenceOf } from '../context/evidence.js';
import { loadProblem } from '../context/load.js';
import { parseXml, type XmlElement } from '../raw/xml-parser.js';
import { callRule, successful } from './support/calls.js';
import { EXPECTED_TYPE, parseMediaType, TOLERATED_TYPES } from './support/media-type.js';
import { coreDocuments } from './support/probes.js';

const CONVENTIONS = 'GeoReport v2 §Conventions; digest §1';
const GEOREPORT_NAMESPACE = 'http://wiki.open311.org/GeoReport_v2';
const UTF8 = new Set(['utf-8', 'utf8']);
const LOOPBACK = /^(localhost|127(?:\.\d+){3}|\[::1\])$/i;

const contentType = (headers: Record<string, string>) => parseMediaType(headers['content-type']);

/** Every attribute and prefixed name in the tree that the spec's plain XML would not have. */
function foreignMarkup(root: XmlElement): string[] {
  const found = new Set<string>();
  const stack = [root];
  for (let el = stack.pop(); el !== undefined; el = stack.pop()) {
    if (el.name.includes(':')) found.add(`<${el.name}>`);
    for (const [name, value] of Object.entries(el.attributes)) {
      if (name === 'xmlns' && value === GEOREPORT_NAMESPACE) continue;
      found.add(`${name}="${value.length > 30 ? `${value.slice(0, 30)}…` : value}"`);
    }
    stack.push(...el.children);
  }
  return [...found];
}

export const httpChecks: readonly Check[] = [
  /** The endpoint answers at all (services.xml gets an HTTP answer); private addresses are refused unless allowed. */
  {
    id: 'http-reachable',
    title: 'The GeoReport endpoint can be reached',
    specRef: CONVENTIONS,
    severity: 'error',
    fix: 'Make sure the base URL is right and the server answers over HTTP(S) from the internet.',
    async run(ctx) {
      const load = await ctx.services('xml');
      if (load.kind !== 'unreachable') return pass(`services.xml answered HTTP ${load.exchange.response.status}`);
      return fail(loadProblem(load, 'services.xml'), load.failure.kind === 'no-base' ? undefined : evidenceOf(load.failure));
    },
  },
  /** No call of the run answered with a 5xx status (the spec's failures are 400/403/404). */
  {
    id: 'http-no-server-errors',
    title: 'No call answers with a 5xx status',
    specRef: 'GeoReport v2 §Errors; digest §11',
    severity: 'error',
    fix: "Fix the cause of the 5xx answers in the server's logs; bad input deserves a 4xx.",
    run: callRule({
      what: 'answers',
      applies: () => true,
      rule: (a) => (a.exchange.response.status >= 500 ? `HTTP ${a.exchange.response.status}` : null),
      passMessage: 'none was a 5xx',
    }),
  },
  /** Successful XML answers declare an XML media type (text/xml; application/xml tolerated). */
  {
    id: 'http-content-type-xml',
    title: 'XML answers declare an XML media type',
    specRef: `${CONVENTIONS} (Content types)`,
    severity: 'error',
    formats: ['xml'],
    fix: 'Send XML answers with Content-Type text/xml; charset=utf-8.',
    run: callRule({
      what: 'XML answers',
      applies: successful('xml'),
      rule: (a) => {
        const t = contentType(a.exchange.response.headers);
        return t !== null && TOLERATED_TYPES.xml.includes(t.essence) ? null : `Content-Type is ${t?.essence ?? 'missing'}`;
      },
      passMessage: 'all declare an XML media type',
    }),
  },
  /** XML answers use text/xml as the spec says; application/xml is a common, tolerated deviation. */
  {
    id: 'http-content-type-text-xml',
    title: 'XML answers use text/xml (application/xml is a common deviation)',
    specRef: `${CONVENTIONS} (Content types); digest §13.7`,
    severity: 'warning',
    formats: ['xml'],
    fix: 'Prefer text/xml over application/xml, which some clients do not accept.',
    run: callRule({
      what: 'XML answers',
      applies: successful('xml'),
      rule: (a) => {
        const t = contentType(a.exchange.response.headers);
        return t?.essence === EXPECTED_TYPE.xml || t === null || !TOLERATED_TYPES.xml.includes(t.essence) ? null : `Content-Type is ${t.essence}, not text/xml`;
      },
      passMessage: 'all use text/xml',
    }),
  },
  /** Successful JSON answers declare application/json. */
  {
    id: 'http-content-type-json',
    title: 'JSON answers declare application/json',
    specRef: `${CONVENTIONS} (Content types)`,
    severity: 'error',
    formats: ['json'],
    fix: 'Send JSON answers with Content-Type application/json; charset=utf-8.',
    run: callRule({
      what: 'JSON answers',
      applies: successful('json'),
      rule: (a) => {
        const t = contentType(a.exchange.response.headers);
        return t?.essence === EXPECTED_TYPE.json ? null : `Content-Type is ${t?.essence ?? 'missing'}`;
      },
      passMessage: 'all declare application/json',
    }),
  },
  /** The Content-Type header carries the charset (charset=utf-8). */
  {
    id: 'http-charset',
    title: 'Content-Type declares charset=utf-8',
    specRef: `${CONVENTIONS} (Encoding)`,
    severity: 'warning',
    fix: 'Add charset=utf-8 to every Content-Type.',
    run: callRule({
      what: 'answers',
      applies: successful(),
      rule: (a) => ((contentType(a.exchange.response.headers)?.charset ?? null) === null ? 'no charset in Content-Type' : null),
      passMessage: 'all declare a charset',
    }),
  },
  /** Bodies are valid UTF-8, and no other charset or XML encoding is declared. */
  {
    id: 'http-utf8',
    title: 'Bodies are UTF-8 (and no other charset is declared)',
    specRef: `${CONVENTIONS} (Encoding)`,
    severity: 'error',
    fix: 'Encode every answer in UTF-8 and declare no other charset.',
    run: callRule({
      what: 'answers',
      applies: successful(),
      rule: (a) => {
        const { response } = a.exchange;
        if (response.invalidUtf8) return 'the body is not valid UTF-8';
        const charset = contentType(response.headers)?.charset ?? null;
        if (charset !== null && !UTF8.has(charset)) return `Content-Type declares charset=${charset}`;
        const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(response.body)?.[1];
        return a.format === 'xml' && declared !== undefined && !UTF8.has(declared.toLowerCase()) ? `the XML declaration says encoding="${declared}"` : null;
      },
      passMessage: 'all are UTF-8',
    }),
  },
  /** Successful XML answers are well-formed XML. */
  {
    id: 'http-xml-well-formed',
    title: 'XML answers are well-formed',
    specRef: `${CONVENTIONS} (XML shape)`,
    severity: 'error',
    formats: ['xml'],
    fix: 'Produce XML with an XML library rather than by pasting strings, so that every tag is closed and every & and < escaped.',
    run: callRule({
      what: 'XML answers',
      applies: successful('xml'),
      rule: (a) => {
        try {
          parseXml(a.exchange.response.body);
          return null;
        } catch (e) {
          return e instanceof Error ? e.message : String(e);
        }
      },
      passMessage: 'all well-formed',
    }),
  },
  /** Successful JSON answers are valid JSON. */
  {
    id: 'http-json-well-formed',
    title: 'JSON answers are valid JSON',
    specRef: `${CONVENTIONS} (JSON shape)`,
    severity: 'error',
    formats: ['json'],
    fix: 'Produce JSON with a JSON encoder rather than by pasting strings.',
    run: callRule({
      what: 'JSON answers',
      applies: successful('json'),
      rule: (a) => {
        try {
          JSON.parse(a.exchange.response.body);
          return null;
        } catch (e) {
          return `not valid JSON (${e instanceof Error ? e.message : String(e)})`;
        }
      },
      passMessage: 'all valid JSON',
    }),
  },
  /** XML answers start with <?xml version="1.0" encoding="utf-8"?>. */
  {
    id: 'http-xml-declaration',
    title: 'XML starts with <?xml version="1.0" encoding="utf-8"?>',
    specRef: `${CONVENTIONS} (Encoding)`,
    severity: 'warning',
    formats: ['xml'],
    fix: 'Start XML answers with <?xml version="1.0" encoding="utf-8"?>.',
    run: callRule({
      what: 'XML answers',
      applies: successful('xml'),
      rule: (a) => {
        const m = /^<\?xml\s+version\s*=\s*["']1\.0["']\s+encoding\s*=\s*["']([^"']+)["']/.exec(a.exchange.response.body.replace(/^\uFEFF/, ''));
        if (m === null) return 'does not start with an XML declaration naming version 1.0 and the encoding';
        return UTF8.has((m[1] ?? '').toLowerCase()) ? null : `the declaration names encoding="${m[1] ?? ''}"`;
      },
      passMessage: 'all start with the declaration',
    }),
  },
  /** No namespaces (other than the GeoReport_v2 default), xsi:nil or other attributes in XML. */
  {
    id: 'http-xml-no-foreign-markup',
    title: 'No namespaces or foreign attributes in XML',
    specRef: `${CONVENTIONS} (XML shape); digest §13.3`,
    severity: 'warning',
    formats: ['xml'],
    fix: 'Remove namespaces and extra attributes from the XML, which strict clients do not expect.',
    run: callRule({
      what: 'XML answers',
      applies: successful('xml'),
      rule: (a) => {
        let root: XmlElement;
        try {
          root = parseXml(a.exchange.response.body).root;
        } catch {
          return null; // http-xml-well-formed reports it
        }
        const found = foreignMarkup(root);
        return found.length === 0 ? null : `foreign markup: ${found.slice(0, 4).join(', ')}${found.length > 4 ? ', …' : ''}`;
      },
      passMessage: 'plain XML throughout',
    }),
  },
  /** The endpoint is served over HTTPS (api keys and personal data travel in POSTs). */
  {
    id: 'http-https',
    title: 'The endpoint is served over HTTPS',
    specRef: 'digest §12.3 (Transport: POST should always be over HTTPS)',
    severity: 'warning',
    fix: 'Serve the endpoint over HTTPS with a valid certificate.',
    async run(ctx) {
      const base = ctx.target.baseUrl;
      if (base === null) return skip('no GeoReport base URL');
      const url = new URL(base);
      if (url.protocol === 'https:') return pass(`${url.origin} uses HTTPS`);
      if (LOOPBACK.test(url.hostname)) return skip(`${url.origin} is a loopback address (a local test server)`);
      return fail(`${base} is plain HTTP; api keys and reporters' details would travel unencrypted`);
    },
  },
  /** services.xml answers the same when the client sends Accept-Encoding: deflate (one server broke on it). */
  {
    id: 'http-accept-encoding',
    title: 'Answers survive Accept-Encoding: deflate',
    specRef: 'digest §13.12',
    severity: 'warning',
    fix: 'Answer correctly when the client sends Accept-Encoding: deflate (compress as asked, or not at all).',
    async run(ctx) {
      const [plain, deflate] = await Promise.all([ctx.fetch('services', 'xml'), ctx.fetch('services', 'xml', {}, { 'accept-encoding': 'deflate' })]);
      if (!plain.ok || plain.exchange.response.status !== 200) return skip('services.xml does not answer 200 to begin with');
      if (!deflate.ok) return fail(`with Accept-Encoding: deflate the call failed: ${deflate.failure.message}`, evidenceOf(deflate.failure));
      const { response } = deflate.exchange;
      if (response.status !== 200) return fail(`with Accept-Encoding: deflate services.xml answered HTTP ${response.status}`, evidenceOf(deflate.exchange));
      return response.body === plain.exchange.response.body
        ? pass('the same answer with Accept-Encoding: deflate')
        : fail('with Accept-Encoding: deflate the body differs from the plain answer', evidenceOf(deflate.exchange));
    },
  },
  /** GET answers carry Access-Control-Allow-Origin, so browser apps can use the API. */
  {
    id: 'http-cors',
    title: 'GET answers allow cross-origin use (Access-Control-Allow-Origin)',
    specRef: 'digest §12 (deployment practice)',
    severity: 'info',
    fix: 'Add Access-Control-Allow-Origin: * to GET answers so that web pages can read them.',
    run: callRule({
      what: 'GET answers',
      applies: (a) => a.exchange.request.method === 'GET' && successful()(a),
      rule: (a) => (a.exchange.response.headers['access-control-allow-origin'] === undefined ? 'no Access-Control-Allow-Origin header' : null),
      passMessage: 'all allow cross-origin use',
    }),
  },
  /** Reports what o311's tolerant client had to normalise to read the answers (numeric ids, dates without zone…). */
  {
    id: 'http-client-quirks',
    title: 'The tolerant client had nothing to normalise',
    specRef: 'digest §13',
    severity: 'info',
    fix: 'Follow the spec exactly so that clients need no workaround (see the quirk named in the message).',
    async run(ctx) {
      const counts = new Map<string, number>();
      let first: { url: string; text: string } | null = null;
      for (const { name: url, load } of await coreDocuments(ctx)) {
        if (load.kind !== 'ok' || load.read === null) continue;
        for (const w of load.read.warnings) {
          counts.set(w.code, (counts.get(w.code) ?? 0) + 1);
          first ??= { url, text: `${w.path}: ${w.message}` };
        }
      }
      if (counts.size === 0 || first === null) return pass('every document read without normalisation');
      const list = [...counts].map(([code, n]) => `${code} ×${n}`).join(', ');
      return fail(`the client normalised: ${list}; e.g. ${first.url} ${first.text}`);
    },
  },
];
