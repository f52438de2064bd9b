import { describe, expect, it } from 'vitest';
import { newService, type ServiceRecord } from '@o311/store';
import { classify, fileableByMail } from './classify.js';

const service = (code: string, name: string, over: Partial<ServiceRecord> = {}): ServiceRecord => ({
  ...newService({ jurisdiction_id: 'j', service_code: code, service_name: name }),
  blackbox_receipt: 'none',
  updated_at: 0,
  ...over,
});

const SERVICES = [
  service('POTHOLE', 'Pothole', { keywords: 'road, hole, asphalt', translations: { es: { service_name: 'Bache' } } }),
  service('GRAFFITI', 'Graffiti removal', { keywords: 'paint, tag, wall' }),
  service('LIGHT', 'Street light out', { keywords: 'lamp, dark', active: false }),
];

describe('classify', () => {
  it('picks the service the subject and body name, in any of its languages', () => {
    expect(classify('Big pothole on Main St', 'please fix', SERVICES)?.service_code).toBe('POTHOLE');
    expect(classify('Bache enorme', '', SERVICES)?.service_code).toBe('POTHOLE');
    expect(classify('Hello', 'someone sprayed paint on the wall', SERVICES)?.service_code).toBe('GRAFFITI');
  });

  it('leaves for triage: no match, a tie, an inactive service', () => {
    expect(classify('Hello', 'a question about taxes', SERVICES)).toBeUndefined();
    expect(classify('hole and paint', '', SERVICES)).toBeUndefined();
    expect(classify('The street lamp is dark', '', SERVICES)).toBeUndefined();
  });

  it('names a service that asks required questions, which a mail cannot file (staff get it as a suggestion)', () => {
    const pole = { code: 'POLE', variable: true, datatype: 'string' as const, required: true, datatype_description: null, order: 1, description: 'Pole number' };
    const streetlight = service('STREETLIGHT', 'Streetlight', { keywords: 'lamp', attributes: [pole] });
    const matched = classify('Lamp out', '', [...SERVICES, streetlight]);
    expect(matched?.service_code).toBe('STREETLIGHT');
    expect(fileableByMail(matched!)).toBe(false);
    expect(fileableByMail(SERVICES[0]!)).toBe(true);
  });
});
