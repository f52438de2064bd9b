/** The report page's settings, read from its `#report-config` data block (written by src/citizen/report-config.ts: keep in step). */

export type MessageName =
  | 'report.errorSummary' | 'report.error.location' | 'report.error.coordinates' | 'report.error.required'
  | 'report.error.number' | 'report.error.datetime' | 'report.error.email' | 'report.error.choice'
  | 'report.error.tooLong' | 'report.error.singleLine' | 'report.error.network' | 'report.sending'
  | 'location.locating' | 'location.found' | 'location.denied' | 'location.unsupported' | 'location.chosen' | 'location.marker'
  | 'nearby.item' | 'photos.remove' | 'photos.preparing' | 'draft.restored'
  | 'nearby.distance' | 'nearby.status' | 'nearby.photo' | 'support.meToo' | 'tracker.title' | 'common.status.open'
  | 'form.photo.extra' | 'form.photo.notPhoto' | 'form.sentAlready'
  | 'form.description.left.one' | 'form.description.left.other' | 'form.description.over.one' | 'form.description.over.other'
  | 'form.description.tooLong';

export interface ReportConfig {
  apiKey: string;
  serviceCode: string;
  serviceType: 'realtime' | 'batch' | 'blackbox';
  map: { tileUrl: string; attribution: string; center: { lat: number; long: number; zoom: number } };
  timezone: string;
  maxPhotos: number;
  /** Posts to its page (sent on through the federated endpoint); no nearby look-up. */
  routed: boolean;
  messages: Record<MessageName, string>;
}

export function readReportConfig(): ReportConfig | undefined {
  const text = document.getElementById('report-config')?.textContent;
  if (!text) return undefined;
  try {
    return JSON.parse(text) as ReportConfig;
  } catch {
    return undefined;
  }
}

/** A message with its `{placeholders}` filled, as the server's translator does. */
export const fill = (template: string, vars: Readonly<Record<string, string | number>> = {}): string =>
  template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
