/** The hidden fields that carry the reporter's proof from a page to its form's POST. */
import { html, type Html } from '../html.js';
import { csrfInput } from '../staff/csrf-input.js';
import type { ReporterAccess } from './access.js';

export const proofFields = (a: ReporterAccess): Html =>
  'token' in a.proof
    ? html`<input type="hidden" name="token" value="${a.proof.token}">`
    : html`<input type="hidden" name="request" value="${a.proof.request}">${csrfInput(a.proof.csrf)}`;
