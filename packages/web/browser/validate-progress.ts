/**
 * A running validator run's page: follows the run's server-sent events
 * (`/validate/r/{id}/events`) and moves the progress bar, the "N of M" line and
 * the results so far; when the run ends, loads the page again for the full
 * results. Without this script the page refreshes itself (<noscript>).
 */

interface ProgressConfig {
  events: string;
  /** "{done} of {total} checks done" in the page's language. */
  progressText: string;
  words: Record<'pass' | 'skip' | 'fail' | 'error' | 'warning' | 'info', string>;
}

interface ProgressEvent {
  state: string;
  done: number;
  total: number;
  results: { id: string; title: string; status: 'pass' | 'skip' | 'fail'; severity: 'error' | 'warning' | 'info' }[];
}

/** Waits before loading the page again after a dropped stream (EventSource retries by itself first). */
const RELOAD_AFTER_ERROR_MS = 5000;

function start(): void {
  const data = document.getElementById('validate-progress-config')?.textContent;
  const bar = document.getElementById('run-progress-bar');
  const text = document.getElementById('run-progress-text');
  const list = document.getElementById('run-so-far');
  if (!data || !(bar instanceof HTMLProgressElement) || !text || !list) return;
  const config = JSON.parse(data) as ProgressConfig;
  const source = new EventSource(config.events);
  source.addEventListener('progress', (e) => {
    const p = JSON.parse((e as MessageEvent<string>).data) as ProgressEvent;
    bar.max = Math.max(p.total, 1);
    bar.value = p.done;
    text.textContent = config.progressText.replace('{done}', String(p.done)).replace('{total}', String(p.total));
    document.getElementById('run-waiting')?.remove();
    for (const r of p.results) {
      const li = document.createElement('li');
      li.className = `so-far-${r.status}`;
      const status = r.status === 'fail' ? `${config.words.fail} (${config.words[r.severity]})` : config.words[r.status];
      li.textContent = `${r.title} — ${status}`;
      list.append(li);
    }
  });
  source.addEventListener('end', () => {
    source.close();
    window.location.reload();
  });
  source.addEventListener('error', () => {
    if (source.readyState === EventSource.CLOSED) window.setTimeout(() => window.location.reload(), RELOAD_AFTER_ERROR_MS);
  });
}

start();

// A module: its names stay its own.
export {};
