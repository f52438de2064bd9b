/**
 * A labelled password control (the shared field helpers have no password type):
 * hint and error tied with aria-describedby, aria-invalid on error, and the
 * autocomplete token that lets password managers help.
 */
import { html, type Html } from '../../html.js';

export interface PasswordInput {
  id: string;
  name: string;
  label: string;
  autocomplete: 'current-password' | 'new-password';
  hint?: string;
  error?: string;
  /** Shown as the minimum length to the browser's own check. */
  minLength?: number;
}

export function passwordInput(f: PasswordInput): Html {
  const hintId = f.hint ? `${f.id}-hint` : undefined;
  const errorId = f.error ? `${f.id}-error` : undefined;
  const described = [hintId, errorId].filter((s): s is string => s !== undefined).join(' ');
  return html`<div class="svc-field${f.error ? ' svc-field-invalid' : ''}">
<label for="${f.id}">${f.label} <span class="svc-required">*</span></label>
${hintId ? html`<p class="svc-hint" id="${hintId}">${f.hint}</p>` : ''}
${errorId ? html`<p class="svc-field-error" id="${errorId}">${f.error}</p>` : ''}
<input type="password" id="${f.id}" name="${f.name}" autocomplete="${f.autocomplete}" required${
    f.minLength ? html` minlength="${f.minLength}"` : ''
  }${described ? html` aria-describedby="${described}"` : ''}${f.error ? html` aria-invalid="true"` : ''}>
</div>`;
}
