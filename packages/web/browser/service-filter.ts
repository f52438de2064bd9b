/**
 * Home page: the service list narrows as you type (the same matching as the
 * server's `?q=`: every word, ignoring case and accents), groups with no match
 * hide, and the count is announced.
 */
import { pluralText, type PluralForms } from './plural.js';

const searchText = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function filter(input: HTMLInputElement, status: HTMLElement | null): void {
  const words = searchText(input.value).split(/\s+/).filter(Boolean);
  let shown = 0;
  for (const group of document.querySelectorAll<HTMLElement>('.service-group')) {
    let inGroup = 0;
    for (const item of group.querySelectorAll<HTMLElement>('li.service')) {
      const match = words.every((w) => (item.dataset.search ?? '').includes(w));
      item.hidden = !match;
      if (match) inGroup += 1;
    }
    group.hidden = inGroup === 0;
    shown += inGroup;
  }
  if (!status) return;
  if (words.length === 0) status.textContent = '';
  else if (shown === 0) status.textContent = status.dataset.none ?? '';
  else status.textContent = pluralText(JSON.parse(status.dataset.plural ?? '{}') as PluralForms, document.documentElement.lang || 'en', shown);
}

function start(): void {
  const input = document.getElementById('service-filter');
  if (!(input instanceof HTMLInputElement)) return;
  const status = document.getElementById('service-filter-status');
  let timer: number | undefined;
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => filter(input, status), 150);
  });
}

start();

// A module: its names stay its own.
export {};
