/** A small landing page (until the citizen app exists) and the HTML view of the endpoint base. */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { PublicOrigin } from '../http/public-origin.js';
import { SANDBOX_BASE, type SandboxConfig } from '../sandbox/sandbox.js';

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const STYLE = 'body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem}code{background:#f3f3f3;padding:0 .2em}';

/** Nothing but this page's own style; no scripts, no framing (clickjacking), no forms. */
export const HOME_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const page = (title: string, body: string): string => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head><body>${body}</body></html>`;

const sendHtml = (reply: FastifyReply, html: string) =>
  reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', HOME_CSP)
    .header('x-frame-options', 'DENY')
    .send(html);

/** The sandbox for client developers: its endpoint and public key. */
function sandboxItem(base: string, sandbox: SandboxConfig | undefined): string {
  if (!sandbox) return '';
  return `<li>Sandbox (the <code>test</code> endpoint of discovery): <code>${escapeHtml(`${base}${SANDBOX_BASE}/`)}</code> with the public key
<code>${escapeHtml(sandbox.apiKey)}</code>. Post anything: its requests never reach the city's staff, and it is emptied every day.
The interactive docs use it. Limited per client address.</li>`;
}

/** The landing page, unless a plugin (the web apps' /developers page) already serves `path`. */
export function registerHome(app: FastifyInstance, origin: PublicOrigin, path = '/', sandbox?: SandboxConfig): void {
  if (!app.hasRoute({ method: 'GET', url: path })) registerLanding(app, origin, path, sandbox);
  app.get('/open311/v2/', { schema: { hide: true } }, async (_request, reply) =>
    sendHtml(
      reply,
      page(
        'GeoReport v2 endpoint',
        `<h1>GeoReport v2 endpoint</h1>
<p>Resources: <a href="services.xml">services.xml</a>, <a href="services.json">services.json</a>,
<a href="requests.xml">requests.xml</a>, <a href="requests.json">requests.json</a>. See
<a href="../discovery.xml">discovery</a> and the <a href="/docs">API docs</a>.</p>`,
      ),
    ),
  );
}

function registerLanding(app: FastifyInstance, origin: PublicOrigin, path: string, sandbox: SandboxConfig | undefined): void {
  app.get(path, { schema: { hide: true } }, async (request, reply) => {
    const api = `${origin.of(request)}/open311/v2/`;
    return sendHtml(
      reply,
      page(
        'o311',
        `<h1>o311</h1>
<p>An <a href="http://wiki.open311.org/GeoReport_v2">Open311 GeoReport v2</a> endpoint.</p>
<ul>
<li>Discovery: <a href="/open311/discovery.xml">discovery.xml</a> · <a href="/open311/discovery.json">discovery.json</a></li>
<li>Endpoint: <code>${escapeHtml(api)}</code> — <a href="/open311/v2/services.xml">services.xml</a> · <a href="/open311/v2/services.json">services.json</a> · <a href="/open311/v2/requests.json">requests.json</a></li>
<li>Interactive API docs: <a href="/docs">/docs</a></li>
${sandboxItem(origin.of(request), sandbox)}
</ul>`,
      ),
    );
  });
}
