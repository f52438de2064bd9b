/**
 * The report survives a reload: the form's answers are kept in localStorage
 * per service and cleared after a successful submission. Contact details and
 * photos are not kept (a shared device should not remember who reported).
 */

const PREFIX = 'o311.draft.';
const NOT_KEPT = new Set(['service_code', 'api_key', 'account_id', 'email', 'first_name', 'last_name', 'phone', 'media']);
const SAVE_DELAY_MS = 400;

type Entries = [name: string, value: string][];

const storage = (): Storage | undefined => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
};

export const draftKey = (serviceCode: string): string => `${PREFIX}${serviceCode}`;

function entriesOf(form: HTMLFormElement): Entries {
  const out: Entries = [];
  for (const [name, value] of new FormData(form)) {
    if (!NOT_KEPT.has(name) && typeof value === 'string') out.push([name, value]);
  }
  return out;
}

function controls(form: HTMLFormElement, name: string): (HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement)[] {
  return Array.from(form.elements).filter(
    (e): e is HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement =>
      (e instanceof HTMLInputElement || e instanceof HTMLTextAreaElement || e instanceof HTMLSelectElement) && e.name === name,
  );
}

/** Puts the answers back in the form's controls; whether any was not empty. */
export function fillForm(form: HTMLFormElement, entries: Entries): boolean {
  const byName = new Map<string, string[]>();
  for (const [name, value] of entries) byName.set(name, [...(byName.get(name) ?? []), value]);
  let restored = false;
  for (const [name, values] of byName) {
    for (const c of controls(form, name)) {
      if (c instanceof HTMLInputElement && (c.type === 'checkbox' || c.type === 'radio')) {
        c.checked = values.includes(c.value);
      } else {
        c.value = values[0] ?? '';
      }
      restored ||= values.some((v) => v !== '');
    }
  }
  return restored;
}

export interface Draft {
  clear(): void;
}

/** Restores a saved draft (returns whether anything came back) and keeps saving as the form changes. */
export function keepDraft(form: HTMLFormElement, serviceCode: string, restore: boolean): { draft: Draft; restored: boolean } {
  const store = storage();
  const key = draftKey(serviceCode);
  let restored = false;
  if (store && restore) {
    try {
      const saved: unknown = JSON.parse(store.getItem(key) ?? 'null');
      if (Array.isArray(saved)) restored = fillForm(form, saved as Entries);
    } catch {
      store.removeItem(key);
    }
  }
  let timer: number | undefined;
  const save = (): void => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => store?.setItem(key, JSON.stringify(entriesOf(form))), SAVE_DELAY_MS);
  };
  form.addEventListener('input', save);
  form.addEventListener('change', save);
  return {
    restored,
    draft: {
      clear() {
        window.clearTimeout(timer);
        form.removeEventListener('input', save);
        form.removeEventListener('change', save);
        store?.removeItem(key);
      },
    },
  };
}

/** Saves now (e.g. after the map moved the hidden coordinates, which fire no input event). */
export const touch = (form: HTMLFormElement): void => {
  form.dispatchEvent(new Event('change'));
};
