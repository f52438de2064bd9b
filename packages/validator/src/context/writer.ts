/**
 * Write mode: the test requests a run submits. At most one POST per service type,
 * shared by every check that needs it; each carries the marker description (so a
 * city can find and discard it), a UTF-8 probe and obviously fake personal data.
 * Negative POSTs (missing key, unknown service…) start from the same valid fields.
 */
import type { Attribute, RequestReceipt, Service, ServiceType } from '@o311/georeport';
import { requiredAnswers, type FormFields } from './answers.js';
import type { Fetched } from './fetcher.js';
import type { Load } from './load.js';
import { memoBy, once } from './memo.js';

export const TEST_DESCRIPTION = 'o311 validator test request — please ignore';
export const UNICODE_PROBE = 'Ünïcødé ✓ <&>';
export const TEST_ADDRESS = '1 Validator Test Street (o311 validator test, please ignore)';

/** Submitter details no real person has; none may ever be published. */
export const PII_PROBE = {
  email: 'o311-validator-probe@example.invalid',
  first_name: 'Zzvalidatorfirst',
  last_name: 'Zzvalidatorlast',
  phone: '+1 555 0199 7311',
  device_id: 'o311-validator-device-probe-7f3a',
} as const;

/** A valid submission for a service: what the positive POST sends and the negative ones alter. */
export interface TestFields {
  service: Service;
  fields: FormFields;
  attributes: Attribute[];
}

export interface TestSubmission extends TestFields {
  fetched: Fetched;
  receipt: Load<RequestReceipt[]>;
}

export type Attempt<T> = { ok: true; value: T } | { ok: false; reason: string };

/** What the writer needs from a run. */
export interface WriterDeps {
  apiKey: string | null;
  now: number;
  serviceList(): Promise<Service[]>;
  definitionAttributes(code: string): Promise<Attribute[] | null>;
  sampleLocation(): Promise<{ lat: number; long: number } | null>;
  submitForm(fields: FormFields): Promise<{ fetched: Fetched; receipt: Load<RequestReceipt[]> }>;
}

export class Writer {
  readonly #deps: WriterDeps;

  constructor(deps: WriterDeps) {
    this.#deps = deps;
  }

  /** Valid fields for the first service of `type` whose required attributes can be answered. */
  readonly fields = memoBy((type: ServiceType) => this.#fieldsFor((s) => s.type === type, type));

  /** Valid fields for the first service with an input attribute matching `want` (any type). */
  readonly fieldsWithAttribute = memoBy((want: 'required' | 'list') =>
    this.#fieldsFor(() => true, `service with a ${want} attribute`, (attributes) =>
      attributes.some((a) => a.variable && (want === 'required' ? a.required : a.datatype.endsWith('valuelist') && (a.values?.length ?? 0) > 0)),
    ),
  );

  /** The run's one test request of a type. */
  readonly submit = memoBy(async (type: ServiceType): Promise<Attempt<TestSubmission>> => {
    const valid = await this.fields(type);
    if (!valid.ok) return valid;
    const { fetched, receipt } = await this.#deps.submitForm(valid.value.fields);
    return { ok: true, value: { ...valid.value, fetched, receipt } };
  });

  readonly #location = once(() => this.#deps.sampleLocation());

  async #fieldsFor(
    pick: (s: Service) => boolean, what: string, wantAttributes?: (attributes: Attribute[]) => boolean,
  ): Promise<Attempt<TestFields>> {
    const candidates = (await this.#deps.serviceList()).filter(pick);
    if (candidates.length === 0) return { ok: false, reason: `no ${what} in the service list` };
    const reasons: string[] = [];
    for (const service of candidates) {
      const attributes = service.metadata ? await this.#deps.definitionAttributes(service.service_code) : [];
      if (attributes === null) {
        reasons.push(`${service.service_code}: definition unreadable`);
        continue;
      }
      if (wantAttributes !== undefined && !wantAttributes(attributes)) continue;
      const answers = requiredAnswers(attributes, this.#deps.now);
      if (!answers.ok) {
        reasons.push(`${service.service_code}: ${answers.reason}`);
        continue;
      }
      return { ok: true, value: { service, attributes, fields: [...(await this.#baseFields(service)), ...answers.fields] } };
    }
    const why = reasons.length > 0 ? ` (${reasons.slice(0, 3).join('; ')})` : '';
    return { ok: false, reason: `no ${what} can be submitted to${why}` };
  }

  async #baseFields(service: Service): Promise<FormFields> {
    const fields: FormFields = [];
    if (this.#deps.apiKey !== null) fields.push(['api_key', this.#deps.apiKey]);
    fields.push(['service_code', service.service_code]);
    const at = await this.#location();
    if (at !== null) fields.push(['lat', String(at.lat)], ['long', String(at.long)]);
    fields.push(['address_string', TEST_ADDRESS], ['description', `${TEST_DESCRIPTION}. ${UNICODE_PROBE}`]);
    for (const [k, v] of Object.entries(PII_PROBE)) fields.push([k, v]);
    return fields;
  }
}

/** Fields without the named keys. */
export const without = (fields: FormFields, ...keys: string[]): FormFields => fields.filter(([k]) => !keys.includes(k));

/** Fields with one key's value replaced (added when absent). */
export function replaced(fields: FormFields, key: string, value: string): FormFields {
  return fields.some(([k]) => k === key) ? fields.map(([k, v]) => [k, k === key ? value : v]) : [...fields, [key, value]];
}
