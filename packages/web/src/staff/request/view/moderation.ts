/**
 * The moderation section of the staff request page: redaction of the
 * description and of each public update (agents and admins), the hidden
 * photos and links marked as such with "show again", and for admins of the
 * jurisdiction the log with the originals. Viewers and agents never get the
 * original texts in the page.
 */
import type { FastifyRequest } from 'fastify';
import type { HiddenMedia, ModerationEntry, StaffUser } from '@o311/store';
import { moderation, roleAllows } from '@o311/server';
import { html, type Html } from '../../../html.js';
import type { Translator } from '../../../i18n/translate.js';
import { notice } from '../../forms/error-summary.js';
import type { FormState } from '../form-state.js';
import { redactForm, visibilityForm } from '../forms/moderation-form.js';
import type { RequestPageData } from '../load.js';
import { formKey, hiddenMediaPath, MOD_DONE, type ModDone } from '../moderation-fields.js';
import { safeHref } from '../public-link.js';
import { scrollRegion } from '../../inbox/scroll-region.js';
import type { PhotoTools } from './photos.js';

const DONE_KEYS = { redact: 'mod.done.redact', hide: 'mod.done.hide', unhide: 'mod.done.unhide' } as const;

function doneOf(request: FastifyRequest): ModDone | undefined {
  const v = new URL(request.url, 'http://o311.invalid').searchParams.get('moderated') ?? '';
  return (MOD_DONE as readonly string[]).includes(v) ? (v as ModDone) : undefined;
}

/** The hide forms under the photos section's photos and link. */
export function photoTools(request: FastifyRequest, t: Translator, data: RequestPageData, s: FormState): PhotoTools {
  const requestId = data.request.id;
  return {
    photo: (mediaId, n) => visibilityForm(request, t, s, {
      requestId, key: formKey('photo', mediaId), target: 'photo', targetId: mediaId, action: 'hide',
      reasonLabel: t('mod.reasonFor', { n }), submit: t('mod.hidePhoto', { n }),
    }),
    link: () => visibilityForm(request, t, s, {
      requestId, key: formKey('link', 'request'), target: 'media_url', targetId: '', action: 'hide', reasonLabel: t('mod.reasonForLink'), submit: t('mod.hideLink'),
    }),
  };
}

function hiddenItem(request: FastifyRequest, t: Translator, data: RequestPageData, s: FormState, h: HiddenMedia, canManage: boolean): Html {
  const tz = data.directory.jurisdiction.timezone;
  const url = safeHref(h.url);
  const what = h.target === 'photo'
    ? html`<img src="${hiddenMediaPath(data.request.id, h.target_id)}" alt="${t('mod.hiddenPhotoAlt', { id: h.target_id })}" loading="lazy">`
    : html`<p>${t(h.target_id === '' ? 'mod.hiddenLink' : 'mod.hiddenEntryLink', { url: url ?? h.url ?? '' })}</p>`;
  const unhide = canManage ? visibilityForm(request, t, s, {
    requestId: data.request.id, key: formKey('unhide', h.target, h.target_id), target: h.target, targetId: h.target_id, action: 'unhide',
    reasonLabel: t('mod.reasonForUnhide'), submit: t('mod.unhide'),
  }) : '';
  return html`<li class="mod-hidden"><span class="request-badge request-badge-internal">${t('mod.hidden')}</span>
${what}<p class="svc-hint">${t('mod.hiddenBy', { when: t.dateTime(h.hidden_by.at, tz), reason: h.hidden_by.reason })}</p>${unhide}</li>`;
}

function logTable(t: Translator, data: RequestPageData, log: readonly ModerationEntry[]): Html {
  const d = data.directory;
  if (log.length === 0) return html`<p>${t('mod.logNone')}</p>`;
  const row = (e: ModerationEntry) => html`<tr><td>${t.dateTime(e.at, d.jurisdiction.timezone)}</td><td>${d.userName(e.actor) ?? e.actor}</td>
<td>${t(`mod.action.${e.action}`)}: ${t(`mod.target.${e.target}`)}${e.target_id ? html` <code>${e.target_id}</code>` : ''}<br>${e.reason}</td>
<td class="request-event-text">${moderation.originalText(e) ?? '—'}</td><td class="request-event-text">${e.moderated ?? '—'}</td></tr>`;
  return scrollRegion(t('mod.logTitle'), html`<table class="request-audit">
<caption class="sr-only">${t('mod.logTitle')}</caption>
<thead><tr><th scope="col">${t('mod.when')}</th><th scope="col">${t('mod.who')}</th><th scope="col">${t('mod.what')}</th>
<th scope="col">${t('mod.original')}</th><th scope="col">${t('mod.moderated')}</th></tr></thead>
<tbody>${log.map(row)}</tbody></table>`);
}

export function moderationSection(request: FastifyRequest, t: Translator, data: RequestPageData, s: FormState, user: StaffUser): Html {
  const canManage = roleAllows(user.role, 'manage-requests', user.jurisdictions);
  const isAdmin = roleAllows(user.role, 'admin', user.jurisdictions);
  const r = data.request;
  const tz = data.directory.jurisdiction.timezone;
  const { hidden, log } = data.moderation;
  if (!canManage && hidden.length === 0) return html``;
  const done = doneOf(request);
  const entries = data.events.filter((e) => e.public && e.type !== 'submitted' && e.description !== '');
  const entryLinks = data.events.filter((e) => e.public && safeHref(e.media_url) !== undefined);
  return html`<section class="request-section" id="request-moderation" aria-labelledby="request-moderation-title">
<h2 id="request-moderation-title">${t('mod.title')}</h2>
${notice(done && t(DONE_KEYS[done]))}
${canManage ? html`<p class="svc-hint">${t('mod.intro')}</p>
${r.description !== null ? redactForm(request, t, s, { requestId: r.id, key: 'description', target: 'description', targetId: '', summary: t('mod.redactDescription'), current: r.description }) : ''}
${entries.map((e) => redactForm(request, t, s, {
  requestId: r.id, key: formKey('comment', e.id), target: 'comment', targetId: e.id, summary: t('mod.redactEntry', { when: t.dateTime(e.at, tz) }), current: e.description,
}))}
${entryLinks.map((e) => html`<p>${t('mod.redactEntry', { when: t.dateTime(e.at, tz) })}: <a href="${safeHref(e.media_url)!}" rel="noopener noreferrer">${t('inbox.req.mediaLink')}</a></p>
${visibilityForm(request, t, s, { requestId: r.id, key: formKey('link', e.id), target: 'media_url', targetId: e.id, action: 'hide', reasonLabel: t('mod.reasonForLink'), submit: t('mod.hideLink') })}`)}` : ''}
${hidden.length > 0 ? html`<h3>${t('mod.hiddenTitle')}</h3><ul class="mod-hidden-list">${hidden.map((h) => hiddenItem(request, t, data, s, h, canManage))}</ul>` : ''}
${isAdmin ? html`<h3 id="request-moderation-log">${t('mod.logTitle')}</h3>${logTable(t, data, log)}` : ''}
</section>`;
}
