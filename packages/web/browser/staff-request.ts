/**
 * Response templates on the staff request page, in place: choosing a template
 * and pressing "Use" fills the status note (and status) or the reply, then
 * moves the focus there. Without JavaScript the same form reloads the page
 * with the template filled in by the server.
 */
import { readDataBlock } from './staff-data.js';

/** Written by src/staff/request/forms/template-picker.ts (keep the two in step). */
interface TemplateData {
  id: string;
  status: string | null;
  body: string;
}

function field<T extends HTMLElement>(id: string): T | null {
  return document.getElementById(id) as T | null;
}

function apply(template: TemplateData): void {
  if (template.status !== null) {
    const status = field<HTMLSelectElement>('req-status');
    const note = field<HTMLTextAreaElement>('req-status-note');
    if (!status || !note) return;
    status.value = template.status;
    note.value = template.body;
    note.focus();
    return;
  }
  const comment = field<HTMLTextAreaElement>('req-comment');
  const visibility = document.querySelector<HTMLInputElement>('input[name="visibility"][value="public"]');
  if (!comment) return;
  comment.value = template.body;
  if (visibility) visibility.checked = true;
  comment.focus();
}

const form = document.querySelector<HTMLFormElement>('form[data-templates]');
const templates = readDataBlock<TemplateData[]>(form?.dataset.templates) ?? [];
form?.addEventListener('submit', (event) => {
  const chosen = new FormData(form).get('template');
  const template = templates.find((x) => x.id === chosen);
  if (!template) return;
  event.preventDefault();
  apply(template);
});
