/** What the request page's forms show after a refused POST: the problems and what was typed. */
import type { FieldError } from '../forms/fields.js';

export interface FormState {
  errors: readonly FieldError[];
  /** Field name -> value sent (or pre-filled, e.g. by a template). */
  values: Readonly<Record<string, string>>;
}

export const EMPTY_FORM_STATE: FormState = { errors: [], values: {} };

/** The value to show in a field: what was sent, else the current one. */
export const valueOf = (s: FormState, name: string, current: string): string =>
  Object.hasOwn(s.values, name) ? s.values[name]! : current;
