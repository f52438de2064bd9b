/**
 * What /docs adds to Swagger UI so that it is accessible (axe: no serious
 * problem, also with an operation open) and usable on a phone: a style sheet
 * (contrast of the method badges, version stamps, links and buttons; long
 * paths wrap) and a small script, served with the UI from this origin (no
 * CDN, allowed by its CSP), that names what Swagger UI leaves unnamed
 * (parameter controls, scrollable examples) and takes the links out of the
 * operations' toggle buttons (a link inside a button is two controls in one;
 * deep links still open an operation from the address).
 */

/** Darker badge colours than Swagger UI's, for white text at 4.5:1 or more. */
const METHOD_COLOURS: Record<string, string> = {
  get: '#0b5cad', post: '#146c43', put: '#8a4b00', delete: '#b02a37', patch: '#0a6e6e', head: '#5b3d99', options: '#2d4e73',
};

export const DOCS_CSS = [
  ...Object.entries(METHOD_COLOURS).map(([m, c]) => `.swagger-ui .opblock.opblock-${m} .opblock-summary-method{background:${c}}`),
  '.swagger-ui .info .title small pre,.swagger-ui .info .title small.version-stamp{background:#3b4151}',
  '.swagger-ui .info .title small pre,.swagger-ui .version-stamp pre{color:#fff}',
  '.swagger-ui .info a,.swagger-ui .info .url,.swagger-ui a.nostyle,.swagger-ui .markdown a{color:#0b5cad}',
  '.swagger-ui .btn{color:#3b4151}',
  '.swagger-ui .btn.authorize span,.swagger-ui .btn.authorize{color:#146c43;border-color:#146c43}',
  '.swagger-ui .btn.authorize svg{fill:#146c43}',
  '.swagger-ui .btn.cancel{color:#b02a37;border-color:#b02a37}',
  '.swagger-ui .btn.execute{background:#0b5cad;border-color:#0b5cad;color:#fff}',
  '.swagger-ui .opblock-tag small,.swagger-ui .opblock-summary-description,.swagger-ui .parameter__in,.swagger-ui .parameter__deprecated,.swagger-ui .prop-format,.swagger-ui .response-col_links{color:#3b4151}',
  '.swagger-ui .parameter__name.required:after,.swagger-ui .parameter__name.required span{color:#b02a37}',
  '.swagger-ui .opblock-summary-path,.swagger-ui .opblock-summary-path a{word-break:break-all}',
  '.swagger-ui .wrapper{padding:0 12px}',
  '@media (max-width:600px){.swagger-ui .opblock-summary-control{flex-wrap:wrap}.swagger-ui .opblock-summary-description{flex-basis:100%}.swagger-ui table{display:block;overflow-x:auto}}',
].join('\n');

/** Runs in the browser as a plain script (no modules): fixes each part Swagger UI renders, as it renders it. */
export const DOCS_JS = `(function () {
  function name(el, text) { if (text && !el.getAttribute('aria-label') && !el.labels?.length) el.setAttribute('aria-label', text); }
  function rowName(el) {
    var row = el.closest('tr[data-param-name]');
    return row ? row.getAttribute('data-param-name') + (row.getAttribute('data-param-in') ? ' (' + row.getAttribute('data-param-in') + ')' : '') : '';
  }
  function fix() {
    document.querySelectorAll('.opblock-summary-control a[href]').forEach(function (a) { a.removeAttribute('href'); });
    document.querySelectorAll('img:not([alt])').forEach(function (img) { img.setAttribute('alt', ''); });
    document.querySelectorAll('pre:not([tabindex]), .highlight-code:not([tabindex])').forEach(function (p) { p.setAttribute('tabindex', '0'); });
    document.querySelectorAll('input, select, textarea').forEach(function (el) {
      if (el.type === 'hidden') return;
      name(el, rowName(el) || el.getAttribute('placeholder') || el.getAttribute('title') ||
        (el.classList.contains('content-type') ? 'Media type' : '') ||
        (el.closest('.servers') ? 'Server' : '') || (el.closest('.schemes') ? 'Scheme' : '') ||
        (el.closest('.filter') ? 'Filter by tag' : '') || 'Value');
    });
    document.querySelectorAll('button:not([aria-label])').forEach(function (b) {
      if (!b.textContent.trim() && !b.querySelector('[aria-label], title')) name(b, b.getAttribute('title') || (b.classList.contains('copy-to-clipboard') || b.closest('.copy-to-clipboard') ? 'Copy' : 'Show or hide'));
    });
  }
  var pending = false;
  new MutationObserver(function () {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () { pending = false; fix(); });
  }).observe(document.body, { childList: true, subtree: true });
  fix();
})();
`;
