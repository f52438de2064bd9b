/**
 * The service of the request form: the active services by group, as the
 * inbox names them; a request under an inactive service (the e-mail intake's
 * "Unclassified") keeps it as the first choice until staff pick another.
 */
import type { Html } from '../../../html.js';
import type { Translator } from '../../../i18n/translate.js';
import { errorFor, groupedSelectField, type Choice } from '../../forms/fields.js';
import { FIELDS } from '../fields.js';
import { valueOf, type FormState } from '../form-state.js';
import type { RequestPageData } from '../load.js';

/** The services a request may be moved to: the active ones of the jurisdiction. */
export const movableServices = (data: RequestPageData) => data.directory.services.filter((s) => s.active);

export function serviceField(t: Translator, data: RequestPageData, s: FormState): Html {
  const { service } = FIELDS;
  const d = data.directory;
  const r = data.request;
  const active = movableServices(data);
  const choice = (x: { service_code: string; service_name: string }): Choice => ({ value: x.service_code, label: d.serviceName(x.service_code, x.service_name) });
  const current = active.some((x) => x.service_code === r.service_code)
    ? []
    : [{ value: r.service_code, label: t('serviceMove.current', { name: d.serviceName(r.service_code, r.service_name) }) }];
  const groups = [
    ...d.groups.map((g) => ({ label: g, choices: active.filter((x) => x.group === g).map(choice) })),
    { label: t('serviceMove.ungrouped'), choices: active.filter((x) => !x.group).map(choice) },
  ].filter((g) => g.choices.length > 0);
  return groupedSelectField({
    id: service.id, name: service.name, label: t('serviceMove.label'), hint: t('serviceMove.hint'),
    value: valueOf(s, service.name, r.service_code), loose: current, groups, error: errorFor(s.errors, service.id),
  });
}
