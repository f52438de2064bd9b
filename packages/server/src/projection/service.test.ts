import { describe, expect, it } from 'vitest';
import type { ServiceRecord } from '@o311/store';
import { pickTranslation, toPublicService, toServiceDefinition } from './service.js';

const record: ServiceRecord = {
  jurisdiction_id: 'city',
  service_code: 'pothole',
  service_name: 'Pothole',
  description: 'Hole',
  type: 'realtime',
  keywords: 'road',
  group: 'Streets',
  active: true,
  agency_responsible: 'Streets Dept (internal)',
  service_notice: 'Soon',
  sla_hours: 48,
  attributes: [
    { variable: true, code: 'B', datatype: 'string', required: false, datatype_description: null, order: 2, description: 'b?' },
    {
      variable: true, code: 'A', datatype: 'singlevaluelist', required: true, datatype_description: null, order: 1,
      description: 'a?', values: [{ key: 'x', name: 'Ex' }],
    },
  ],
  translations: {
    es: { service_name: 'Bache', attributes: { A: { description: '¿a?', values: { x: 'Equis' } } } },
    fr_CA: { service_name: 'Nid-de-poule' },
  },
  blackbox_receipt: 'none',
  updated_at: 0,
};

describe('service projection', () => {
  it('picks exact locale, then language, then a variant, case-insensitively', () => {
    expect(pickTranslation(record.translations, 'es')?.service_name).toBe('Bache');
    expect(pickTranslation(record.translations, 'ES-mx')?.service_name).toBe('Bache');
    expect(pickTranslation(record.translations, 'fr')?.service_name).toBe('Nid-de-poule');
    expect(pickTranslation(record.translations, 'de')).toBeUndefined();
    expect(pickTranslation(record.translations, '')).toBeUndefined();
    expect(pickTranslation(record.translations, undefined)).toBeUndefined();
  });

  it('shows only public fields of a service', () => {
    expect(toPublicService(record)).toEqual({
      service_code: 'pothole', service_name: 'Pothole', description: 'Hole', metadata: true, type: 'realtime',
      keywords: 'road', group: 'Streets',
    });
    expect(toPublicService(record, record.translations.es)).toMatchObject({ service_name: 'Bache', description: 'Hole' });
  });

  it('orders attributes and localises their texts', () => {
    const d = toServiceDefinition(record, record.translations.es);
    expect(d.attributes.map((a) => a.code)).toEqual(['A', 'B']);
    expect(d.attributes[0]).toMatchObject({ description: '¿a?', values: [{ key: 'x', name: 'Equis' }] });
    expect(d.attributes[1]).not.toHaveProperty('values');
    expect(toServiceDefinition({ ...record, attributes: [] })).toEqual({ service_code: 'pothole', attributes: [] });
  });
});
