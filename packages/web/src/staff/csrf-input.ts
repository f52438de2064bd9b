import { html, type Html } from '../html.js';
import { CSRF_FIELD } from './auth/csrf.js';

/** The hidden form field carrying a session's CSRF token. */
export const csrfInput = (token: string): Html => html`<input type="hidden" name="${CSRF_FIELD}" value="${token}">`;
