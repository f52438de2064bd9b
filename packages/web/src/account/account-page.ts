/** `/account`: My reports, the follows, reminders, export and the way to delete the account. */
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { trackerPath } from '../tracker/paths.js';
import { followButton } from './follow-button.js';
import type { MyReports } from './my-reports.js';
import { DELETE_PATH, EXPORT_CSV_PATH, EXPORT_JSON_PATH, REMINDERS_PATH, SIGN_OUT_PATH } from './paths.js';
import { federatedSection, reportsSection } from './reports-table.js';

/** A notice after an action (post/redirect/get): `?done=…&id=…`. */
export type AccountNotice = { kind: 'followed' | 'unfollowed' | 'follow-unknown'; id: string } | { kind: 'reminders' } | undefined;

function noticeText(t: Translator, n: NonNullable<AccountNotice>): string {
  switch (n.kind) {
    case 'followed':
      return t('account.followed', { id: n.id });
    case 'unfollowed':
      return t('account.unfollowed', { id: n.id });
    case 'follow-unknown':
      return t('account.followUnknown', { id: n.id });
    case 'reminders':
      return t('account.reminders.saved');
  }
}

function followsSection(t: Translator, csrf: Html, m: MyReports): Html {
  if (m.otherFollows.length === 0) return html``;
  return html`<section aria-labelledby="follows-title"><h2 id="follows-title">${t('account.follows.title')}</h2>
<ul class="plain-list" id="my-follows">${m.otherFollows.map(
    (f) => html`<li><a href="${trackerPath(f.request_id)}">${f.request_id}</a> ${followButton(t, csrf, { jurisdiction_id: f.jurisdiction_id, request_id: f.request_id, following: true, back: { page: m.page } })}</li>`,
  )}</ul></section>`;
}

const remindersSection = (t: Translator, csrf: Html, on: boolean): Html =>
  html`<section aria-labelledby="reminders-title" id="reminders"><h2 id="reminders-title">${t('account.reminders.title')}</h2>
<form method="post" action="${REMINDERS_PATH}" id="reminders-form">${csrf}
<input type="hidden" name="reminders" value="off">
<div class="field"><input type="checkbox" id="reminders-on" name="reminders" value="on"${on ? html` checked` : ''}> <label for="reminders-on">${t('account.reminders.label')}</label></div>
<button type="submit" class="secondary">${t('account.reminders.save')}</button>
</form></section>`;

const dataSection = (t: Translator): Html =>
  html`<section aria-labelledby="export-title"><h2 id="export-title">${t('account.export.title')}</h2>
<p>${t('account.export.text')}</p>
<ul><li><a href="${EXPORT_JSON_PATH}" download id="export-json">${t('account.export.json')}</a></li><li><a href="${EXPORT_CSV_PATH}" download id="export-csv">${t('account.export.csv')}</a></li></ul>
</section>
<section aria-labelledby="delete-title"><h2 id="delete-title">${t('account.delete.title')}</h2>
<p><a href="${DELETE_PATH}" id="delete-link">${t('account.delete.link')}</a></p>
</section>`;

export function accountPage(t: Translator, csrf: Html, m: MyReports, notice: AccountNotice, timezone: string): Html {
  return html`<h1>${t('account.title')}</h1>
${notice ? html`<p class="success" role="status" id="account-notice">${noticeText(t, notice)}</p>` : ''}
<div class="account-who"><p id="signed-in-as">${t('account.signedInAs', { email: m.account.email })}</p>
<form method="post" action="${SIGN_OUT_PATH}" class="inline-form" id="sign-out-form">${csrf}<button type="submit" class="secondary">${t('account.signOut')}</button></form></div>
${reportsSection(t, csrf, m)}
${federatedSection(t, m.federated, timezone)}
${followsSection(t, csrf, m)}
${remindersSection(t, csrf, m.account.reminders)}
${dataSection(t)}`;
}
