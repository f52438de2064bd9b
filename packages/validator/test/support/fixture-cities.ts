/**
 * The saved real responses (shared/fixtures/real, digest §15) arranged as the
 * endpoints they came from: which file answers which resource, in which format.
 */
import type { Format } from './georeport-route.js';

export type FixtureResource = 'services' | 'requests' | 'request';

export interface FixtureFile {
  file: string;
  format: Format;
  /**
   * For `request`: the file IS the single-request answer. Otherwise a single
   * request is cut from the `requests` list (the spec's one-element list).
   */
  whole?: boolean;
}

export interface FixtureCity {
  name: string;
  files: Partial<Record<FixtureResource, FixtureFile>>;
  /** `requests` answered as a list holding this file's single object (Helsinki saved one record only). */
  listOf?: FixtureFile;
}

export const FIXTURE_CITIES = {
  sanfrancisco: {
    name: 'San Francisco',
    files: {
      services: { file: 'sanfrancisco-services.xml', format: 'xml' },
      requests: { file: 'sanfrancisco-requests.xml', format: 'xml' },
    },
  },
  bloomington: {
    name: 'Bloomington',
    files: {
      services: { file: 'bloomington-services.json', format: 'json' },
      requests: { file: 'bloomington-requests.json', format: 'json' },
    },
  },
  chicago: { name: 'Chicago', files: { requests: { file: 'chicago-requests.json', format: 'json' } } },
  toronto: { name: 'Toronto', files: { requests: { file: 'toronto-requests.xml', format: 'xml' } } },
  giessen: { name: 'Gießen', files: { services: { file: 'giessen-services.xml', format: 'xml' } } },
  boston: { name: 'Boston', files: { services: { file: 'boston-services.json', format: 'json' } } },
  helsinki: {
    name: 'Helsinki',
    files: { request: { file: 'helsinki-request.json', format: 'json', whole: true } },
    listOf: { file: 'helsinki-request.json', format: 'json' },
  },
} as const satisfies Record<string, FixtureCity>;

export type FixtureCityId = keyof typeof FIXTURE_CITIES;

/** The formats a city's saved files are in (announced by its discovery document). */
export function formatsOf(city: FixtureCity): Format[] {
  const formats = new Set<Format>();
  for (const f of Object.values(city.files)) if (f) formats.add(f.format);
  if (city.listOf) formats.add(city.listOf.format);
  return [...formats];
}
