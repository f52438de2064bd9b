/**
 * What the report page's browser modules are told, as a JSON data block
 * (`#report-config`); browser/report-config.ts declares the same shape.
 */
import type { Service } from '@o311/georeport';
import type { MessageKey, Translator } from '../i18n/translate.js';
import type { MapConfig } from './map-config.js';
import type { MapView } from './map-center.js';

export const REPORT_CONFIG_ID = 'report-config';

/** Texts the browser modules show, in the page's language. */
export const BROWSER_MESSAGES = [
  'report.errorSummary', 'report.error.location', 'report.error.coordinates', 'report.error.required',
  'report.error.number', 'report.error.datetime', 'report.error.email', 'report.error.choice',
  'report.error.tooLong', 'report.error.singleLine', 'report.error.network', 'report.sending',
  'location.locating', 'location.found', 'location.denied', 'location.unsupported', 'location.chosen', 'location.marker',
  'nearby.item', 'photos.remove', 'photos.preparing', 'draft.restored',
  // Issue 14: the nearby box's details and "me too", the photo and length messages (report-form catalogue).
  'nearby.distance', 'nearby.status', 'nearby.photo', 'support.meToo', 'tracker.title', 'common.status.open',
  'form.photo.extra', 'form.photo.notPhoto', 'form.sentAlready',
  'form.description.left.one', 'form.description.left.other', 'form.description.over.one', 'form.description.over.other',
  'form.description.tooLong',
] as const satisfies readonly MessageKey[];

export interface ReportConfig {
  apiKey: string;
  serviceCode: string;
  serviceType: Service['type'];
  map: MapConfig & { center: MapView };
  timezone: string;
  maxPhotos: number;
  /**
   * A service of another endpoint: the form posts to its page, which sends it
   * through the federated endpoint, and nearby requests are not looked up
   * (the local API holds none of that endpoint's).
   */
  routed: boolean;
  messages: Record<(typeof BROWSER_MESSAGES)[number], string>;
}

export const browserMessages = (t: Translator): ReportConfig['messages'] =>
  Object.fromEntries(BROWSER_MESSAGES.map((k) => [k, t(k)])) as ReportConfig['messages'];
