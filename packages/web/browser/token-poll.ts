/** A report's token: asks GET tokens/{token} (of the endpoint that gave it) until the request number exists, then opens its tracker. */

const INTERVAL_MS = 5000;
const MAX_TRIES = 60;

/** `poll`: the tokens/ path of the endpoint that gave the token (the page's data-poll). */
async function resolve(poll: string, token: string): Promise<string | undefined> {
  try {
    const res = await fetch(`${poll}${encodeURIComponent(token)}.json`, { headers: { accept: 'application/json' } });
    if (!res.ok) return undefined;
    const body: unknown = await res.json();
    const first: unknown = Array.isArray(body) ? body[0] : undefined;
    const id = first && typeof first === 'object' ? (first as { service_request_id?: unknown }).service_request_id : undefined;
    return typeof id === 'string' && id !== '' ? id : undefined;
  } catch {
    return undefined;
  }
}

function start(): void {
  const box = document.getElementById('token-status');
  const token = box?.dataset.token;
  if (!box || !token) return;
  let tries = 0;
  const poll = async (): Promise<void> => {
    tries += 1;
    const id = await resolve(box.dataset.poll ?? '/open311/v2/tokens/', token);
    if (id) {
      const p = document.createElement('p');
      p.setAttribute('role', 'status');
      p.textContent = (box.dataset.resolved ?? '').replace('{id}', id);
      box.append(p);
      window.location.assign(`/track/${encodeURIComponent(id)}`);
      return;
    }
    if (tries < MAX_TRIES) window.setTimeout(() => void poll(), INTERVAL_MS);
  };
  void poll();
}

start();

// A module: its names stay its own.
export {};
