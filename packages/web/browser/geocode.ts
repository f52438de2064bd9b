/**
 * "Find this address" with JavaScript (issue 14): the typed address goes to
 * GET /geocode; the places found are listed as buttons; choosing one moves the
 * map's marker there (a preview: the point is not set yet); "Use this place"
 * sets it, as a click on the map would (so the nearby box follows); "send the
 * address only" keeps the report without a point. The server's form
 * (src/citizen/geocode-view.ts) renders the same block without JavaScript.
 */
import { fill } from './report-config.js';
import { readDataBlock } from './staff-data.js';

/** The `#geocode-config` block (src/citizen/geocode-view.ts: keep in step). */
interface GeocodeConfig {
  url: string;
  messages: Record<
    | 'geocode.finding' | 'geocode.empty' | 'geocode.legend' | 'geocode.hint' | 'geocode.use' | 'geocode.addressOnly' | 'geocode.none'
    | 'geocode.busy' | 'geocode.failed' | 'geocode.preview' | 'geocode.confirmed' | 'geocode.keptAddressOnly'
    | 'geocode.kind.address' | 'geocode.kind.interpolated' | 'geocode.kind.street' | 'geocode.kind.place',
    string
  >;
}

interface Candidate {
  label: string;
  lat: number;
  long: number;
  kind: 'address' | 'interpolated' | 'street' | 'place';
}

export interface GeocodeHooks {
  /** Show the place on the map without setting the point. */
  preview(lat: number, long: number): void;
  /** Set the report's point. */
  confirm(lat: number, long: number): void;
}

type Answer = { kind: 'found'; candidates: Candidate[] } | { kind: 'busy' } | { kind: 'failed' };

async function search(url: string, q: string): Promise<Answer> {
  try {
    const res = await fetch(`${url}?${new URLSearchParams({ q })}`, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
    if (res.status === 429) return { kind: 'busy' };
    if (!res.ok) return { kind: 'failed' };
    const body = (await res.json()) as { candidates?: Candidate[]; unavailable?: boolean };
    const candidates = Array.isArray(body.candidates) ? body.candidates : [];
    return candidates.length === 0 && body.unavailable ? { kind: 'failed' } : { kind: 'found', candidates };
  } catch {
    return { kind: 'failed' };
  }
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] => {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
};

export function wireGeocode(hooks: GeocodeHooks): void {
  const config = readDataBlock<GeocodeConfig>('geocode-config');
  const find = document.getElementById('geocode-find') as HTMLButtonElement | null;
  const results = document.getElementById('geocode-results');
  const status = document.getElementById('geocode-status');
  const address = document.querySelector<HTMLInputElement>('input[name="address_string"]');
  if (!config || !find || !results || !status || !address) return;
  const m = config.messages;
  const say = (text: string): void => void (status.textContent = text);
  // With JavaScript the search stays on the page: the button no longer posts the form.
  find.type = 'button';

  const list = (query: string, candidates: Candidate[]): void => {
    let chosen: Candidate | undefined;
    const use = el('button', { type: 'button', id: 'geocode-use', disabled: true, textContent: m['geocode.use'] });
    const buttons = candidates.map((c) => {
      const b = el('button', { type: 'button', className: 'geocode-choice' }, c.label, ' ', el('span', { className: 'hint', textContent: `(${m[`geocode.kind.${c.kind}`]})` }));
      b.setAttribute('aria-pressed', 'false');
      b.addEventListener('click', () => {
        chosen = c;
        for (const other of buttons) other.setAttribute('aria-pressed', String(other === b));
        use.disabled = false;
        hooks.preview(c.lat, c.long);
        say(fill(m['geocode.preview'], { label: c.label }));
      });
      return b;
    });
    const none = el('button', { type: 'button', id: 'geocode-address-only', className: 'secondary', textContent: m['geocode.addressOnly'] });
    use.addEventListener('click', () => {
      if (!chosen) return;
      hooks.confirm(chosen.lat, chosen.long);
      results.replaceChildren();
      say(fill(m['geocode.confirmed'], { label: chosen.label }));
    });
    none.addEventListener('click', () => {
      results.replaceChildren();
      say(m['geocode.keptAddressOnly']);
    });
    results.replaceChildren(el('fieldset', { className: 'geocode-candidates', id: 'geocode-candidates' },
      el('legend', { textContent: fill(m['geocode.legend'], { query }) }),
      el('p', { className: 'hint', textContent: m['geocode.hint'] }),
      el('ul', { className: 'geocode-list' }, ...buttons.map((b) => el('li', {}, b))),
      el('div', { className: 'actions' }, use, none)));
    buttons[0]?.focus();
  };

  const run = async (): Promise<void> => {
    const query = address.value.trim();
    results.replaceChildren();
    if (query === '') {
      say(m['geocode.empty']);
      address.focus();
      return;
    }
    say(m['geocode.finding']);
    const answer = await search(config.url, query);
    if (answer.kind !== 'found') return say(m[answer.kind === 'busy' ? 'geocode.busy' : 'geocode.failed']);
    if (answer.candidates.length === 0) return say(fill(m['geocode.none'], { query }));
    say('');
    list(query, answer.candidates);
  };

  find.addEventListener('click', () => void run());
  // Enter in the address field searches instead of sending the report.
  address.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void run();
    }
  });
}
