import { describe, expect, it } from 'vitest';
import { newService, type ServiceRecord } from '@o311/store';
import { classify } from './classify.js';

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
});
