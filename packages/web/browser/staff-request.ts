/**
 * The one form of the staff request page, in place: "Insert template" adds
 * the chosen template's text after the typed message (and picks its status)
 * without a round trip, and Enter in a field presses "Save changes" rather
 * than the first submit button of the form, which is "Insert template".
 * Without JavaScript the server does the insertion and keeps every field.
 */
import { readDataBlock } from './staff-data.js';

/** Written by src/staff/request/forms/template-picker.ts (keep the two in step). */
interface TemplateData {
  id: string;
  status: string | null;
  body: string;
}

function insert(form: HTMLFormElement, template: TemplateData): void {
  const comment = form.querySelector<HTMLTextAreaElement>('#req-comment');
  if (!comment) return;
  const typed = comment.value.trimEnd();
  comment.value = typed === '' ? template.body : `${typed}\n\n${template.body}`;
  const status = form.querySelector<HTMLSelectElement>('#req-status');
  if (status && template.status !== null) status.value = template.status;
  const visibility = form.querySelector<HTMLInputElement>('input[name="visibility"][value="public"]');
  if (visibility) visibility.checked = true;
  comment.focus();
  comment.setSelectionRange(comment.value.length, comment.value.length);
}

const form = document.querySelector<HTMLFormElement>('form.request-update-form');
const templates = readDataBlock<TemplateData[]>('request-templates-data') ?? [];
const save = form?.querySelector<HTMLButtonElement>('button[data-save]');

form?.querySelector<HTMLButtonElement>('button[data-insert-template]')?.addEventListener('click', (event) => {
  const chosen = form.querySelector<HTMLSelectElement>('#req-template')?.value;
  const template = templates.find((x) => x.id === chosen);
  // No template chosen: the server answers with the form as typed and says so.
  if (!template) return;
  event.preventDefault();
  insert(form, template);
});

form?.addEventListener('keydown', (event) => {
  const target = event.target;
  if (event.key !== 'Enter' || !(target instanceof HTMLInputElement) || !save) return;
  event.preventDefault();
  form.requestSubmit(save);
});
