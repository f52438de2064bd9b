/**
 * The report page, enhanced: map and geolocation fill the coordinates, nearby
 * open requests follow the point, photos are resized, the draft is kept, and
 * the form is checked and sent through the GeoReport API. Without this module
 * the same form posts to the server and works the same.
 */
import { checkReportForm } from './checks.js';
import { keepDraft, touch } from './draft.js';
import { showProblems } from './error-summary.js';
import { locate } from './geolocate.js';
import { createLocationMap, type LocationMap } from './location-map.js';
import { showNearby } from './nearby.js';
import { wireGeocode } from './geocode.js';
import { countCharacters } from './char-count.js';
import { keepFormToken } from './form-token.js';
import { PhotoPicker } from './photos.js';
import { photoStatus, showPhotoButton } from './photo-button.js';
import { fill, readReportConfig, type ReportConfig } from './report-config.js';
import { confirmationUrl, formToken, reportBody, submitReport } from './submit.js';
import { installed, readAppConfig, type AppConfig } from './app-config.js';
import { queueReport } from './outbox-send.js';
import { reopenFromOutbox, type Reopened } from './outbox-reopen.js';
import { shownAnswers } from './answers-shown.js';
import type { Photo } from './photos.js';

const byId = <T extends HTMLElement>(id: string): T | null => document.getElementById(id) as T | null;

const say = (id: string) => (text: string): void => {
  const el = byId(id);
  if (el) el.textContent = text;
};

function wireLocation(form: HTMLFormElement, config: ReportConfig): void {
  const lat = byId<HTMLInputElement>('f-lat');
  const long = byId<HTMLInputElement>('f-long');
  const block = byId('map-block');
  const mapEl = byId('report-map');
  if (!lat || !long || !block || !mapEl) return;
  const status = say('location-status');
  let nearbyTimer: number | undefined;

  const picked = (la: number, lo: number): void => {
    lat.value = la.toFixed(6);
    long.value = lo.toFixed(6);
    status(fill(config.messages['location.chosen'], { lat: lat.value, long: long.value }));
    touch(form);
    window.clearTimeout(nearbyTimer);
    if (!config.routed) nearbyTimer = window.setTimeout(() => void showNearby(config, la, lo), 300);
  };

  block.hidden = false;
  const map: LocationMap | undefined = createLocationMap(mapEl, config, picked);
  if (!map) mapEl.hidden = true;
  const fromInputs = (): void => {
    const la = Number(lat.value);
    const lo = Number(long.value);
    if (lat.value === '' || long.value === '' || !Number.isFinite(la) || !Number.isFinite(lo)) return;
    map?.setPoint(la, lo, true);
    if (!config.routed) void showNearby(config, la, lo);
  };
  wireGeocode({ preview: (la, lo) => map?.setPoint(la, lo, true), confirm: (la, lo) => { map?.setPoint(la, lo, true); picked(la, lo); } });
  lat.addEventListener('change', fromInputs);
  long.addEventListener('change', fromInputs);
  fromInputs();

  byId<HTMLButtonElement>('locate-me')?.addEventListener('click', async () => {
    status(config.messages['location.locating']);
    const r = await locate();
    if (!r.ok) {
      status(config.messages[r.reason === 'denied' ? 'location.denied' : 'location.unsupported']);
      return;
    }
    map?.setPoint(r.lat, r.long, true);
    picked(r.lat, r.long);
    status(config.messages['location.found']);
  });
}

/** The routed form posts as a plain form (no header): the installed app says so in a field (src/citizen/routed/submit-routed.ts CHANNEL_FIELD). */
function markFromApp(form: HTMLFormElement): void {
  if (form.elements.namedItem('o311_channel')) return;
  form.append(Object.assign(document.createElement('input'), { type: 'hidden', name: 'o311_channel', value: 'app' }));
}

/** Keeps the report in the outbox (outbox-send.ts) and shows it there, waiting for the connection. */
async function queue(form: HTMLFormElement, config: ReportConfig, app: AppConfig, photos: readonly Photo[], token?: string): Promise<void> {
  const answers: [string, string][] = [];
  for (const [name, value] of new FormData(form)) if (typeof value === 'string') answers.push([name, value]);
  await queueReport({
    serviceCode: config.serviceCode,
    serviceName: document.querySelector('main h1')?.textContent?.trim() ?? config.serviceCode,
    apiKey: config.apiKey,
    answers,
    shown: shownAnswers(form),
    photos,
    ...(token !== undefined && { token }),
  }, app.syncTag);
  window.location.assign(app.outboxPath);
}

function start(): void {
  const form = byId<HTMLFormElement>('report-form');
  const config = readReportConfig();
  const app = readAppConfig();
  if (!form || !config) return;
  form.noValidate = true;

  keepFormToken(form, config.serviceCode);
  const summaryShown = byId('error-summary')?.hidden === false;
  const { draft, restored } = keepDraft(form, config.serviceCode, !summaryShown);
  const submitStatus = say('submit-status');
  if (restored) submitStatus(config.messages['draft.restored']);

  wireLocation(form, config);
  const input = byId<HTMLInputElement>('f-photos');
  const list = byId('photo-previews');
  const photos =
    input && list
      ? new PhotoPicker(input, list, config.maxPhotos, {
          extra: config.messages['form.photo.extra'],
          remove: config.messages['photos.remove'],
          preparing: config.messages['photos.preparing'],
          notPhoto: config.messages['form.photo.notPhoto'],
        }, photoStatus())
      : undefined;
  if (input) showPhotoButton(input);
  countCharacters(config);
  let reopened: Reopened | undefined;
  if (app && !config.routed) {
    void reopenFromOutbox(form, (kept) => photos?.addPrepared(kept)).then((r) => {
      reopened = r;
      if (r) submitStatus(app.messages['pwa.outbox.reopened']);
    });
  }

  const button = byId<HTMLButtonElement>('submit-report');
  form.addEventListener('submit', async (event) => {
    const problems = checkReportForm(form, config);
    // A routed report posts to its page, which sends it on through the federated endpoint.
    const offline = !navigator.onLine;
    if (problems.length > 0 || !config.routed || offline) event.preventDefault();
    showProblems(form, problems);
    if (problems.length > 0) return;
    // A routed report is sent on by the server at once, to an endpoint chosen then: it is not kept for later.
    if (config.routed && offline) {
      showProblems(form, [], [app?.messages['pwa.routed.needsConnection'] ?? config.messages['report.error.network']]);
      return;
    }
    if (config.routed) {
      draft.clear();
      if (installed()) markFromApp(form);
      submitStatus(config.messages['report.sending']);
      return;
    }
    if (button) button.disabled = true;
    const chosen = photos?.photos ?? [];
    // The report is on its way (sent, or kept in the outbox): its draft and the refused copy it was reopened from go.
    const settle = async (): Promise<void> => {
      draft.clear();
      await reopened?.done();
    };
    const keepForLater = async (kept: AppConfig, token?: string): Promise<void> => {
      submitStatus(kept.messages['pwa.queued']);
      await settle();
      await queue(form, config, kept, chosen, token);
    };
    // Never sent, so a new token: the form may come from the app's cache, its token used already.
    if (offline && app) return keepForLater(app);
    submitStatus(config.messages['report.sending']);
    const result = await submitReport(reportBody(form, config, chosen), formToken(form), installed() ? 'app' : 'web');
    // It may have arrived: the same token makes the resend land on it.
    if (!result.ok && 'network' in result && app) return keepForLater(app, formToken(form));
    if (button) button.disabled = false;
    if (result.ok) {
      await settle();
      window.location.assign(confirmationUrl(config, result));
      return;
    }
    submitStatus('');
    const said = 'network' in result ? [config.messages['report.error.network']] : 'sentAlready' in result ? [config.messages['form.sentAlready']] : result.problems;
    showProblems(form, [], said);
  });
}

start();
