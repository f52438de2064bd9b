/**
 * The SMS simulator without reloads: the form is sent with fetch and the
 * transcript brought up to date from the JSON answer, and texts the city sends
 * later (status updates) appear by themselves. Without this script the form
 * posts and the page comes back (post/redirect/get); on any failure it does that.
 */

/** How often the transcript is read again while the page is shown. */
const POLL_MS = 5_000;
interface ShownMessage {
  direction: 'in' | 'out';
  body: string;
  note: string;
}

function item(list: HTMLElement, m: ShownMessage): HTMLLIElement {
  const li = document.createElement('li');
  li.className = `sms-${m.direction}`;
  const who = document.createElement('span');
  who.className = 'sms-who';
  who.textContent = `${(m.direction === 'in' ? list.dataset.you : list.dataset.city) ?? ''}:`;
  const body = document.createElement('span');
  body.className = 'sms-body';
  body.textContent = m.body;
  li.append(who, ' ', body);
  if (m.note) {
    const note = document.createElement('span');
    note.className = 'sms-note';
    note.textContent = m.note;
    li.append(' ', note);
  }
  return li;
}

/**
 * Changes only what changed, so that the live region announces the new
 * messages, not the whole conversation again.
 */
function update(list: HTMLElement, messages: readonly ShownMessage[]): void {
  const items = messages.map((m) => item(list, m));
  const old = [...list.children];
  const shifted = old.length > 0 && items.length > 0 && old[0]?.textContent !== items[0]?.textContent;
  if (shifted || old.length > items.length) {
    list.replaceChildren(...items);
  } else {
    items.forEach((li, i) => {
      const before = old[i];
      if (!before) list.append(li);
      else if (before.textContent !== li.textContent) before.replaceWith(li);
    });
  }
  document.getElementById('sms-empty')?.toggleAttribute('hidden', messages.length > 0);
}

function poll(list: HTMLElement): void {
  setInterval(() => {
    if (document.hidden) return;
    fetch(location.pathname + location.search, { headers: { accept: 'application/json' } })
      .then(async (res) => {
        if (res.ok) update(list, ((await res.json()) as { messages: ShownMessage[] }).messages);
      })
      .catch(() => undefined);
  }, POLL_MS);
}

function enhance(form: HTMLFormElement): void {
  form.addEventListener('submit', (event) => {
    const list = document.getElementById('sms-transcript');
    const from = form.querySelector<HTMLInputElement>('input[name="from"]');
    // The first message of a number shows its transcript: the page itself does that.
    if (!list || !from || from.defaultValue !== from.value) return;
    event.preventDefault();
    const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (button) button.disabled = true;
    fetch(form.action, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(new FormData(form) as unknown as Record<string, string>),
    })
      .then(async (res) => {
        // Refused (a bad number, too many messages): nothing was stored, and the plain post names why.
        if (!res.ok) return form.submit();
        try {
          const answer = (await res.json()) as { messages: ShownMessage[]; noReply: boolean };
          update(list, answer.messages);
          document.getElementById('sms-no-reply')?.toggleAttribute('hidden', !answer.noReply);
        } catch {
          // The message was taken: never send it again; the page shows the transcript.
          return location.reload();
        }
        const body = form.querySelector<HTMLTextAreaElement>('textarea[name="body"]');
        if (body) {
          body.value = '';
          body.focus();
        }
      }, () => form.submit())
      .finally(() => {
        if (button) button.disabled = false;
      });
  });
}

const form = document.getElementById('sms-form');
if (form instanceof HTMLFormElement) enhance(form);
const transcript = document.getElementById('sms-transcript');
if (transcript) poll(transcript);
