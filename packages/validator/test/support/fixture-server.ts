/**
 * The fixture server: one real city's saved GeoReport responses (digest §15)
 * served as if they were its endpoint, under o311's layout
 * (`/open311/discovery.{json,xml}`, `/open311/v2/…`). Discovery is written
 * here (the cities' own were not saved) and announces only the formats saved;
 * any resource without a saved file answers a spec-shaped 404.
 */
import { readFile } from 'node:fs/promises';
import { answer, JSON_TYPE, XML_TYPE, type FrontAnswer, type FrontRequest } from './exchange.js';
import { formatsOf, type FixtureCity, type FixtureFile } from './fixture-cities.js';
import { API_PATH, routeOf, type Format } from './georeport-route.js';
import { startHttpFront } from './http-front.js';
import { discoveryAnswer, errorAnswer } from './spec-documents.js';
import { isObject, type Json } from './rewrite.js';
import { singleRequest } from './single-request.js';

export interface FixtureServer {
  origin: string;
  discoveryUrl: string;
  close(): Promise<void>;
}

const CONTENT_TYPE: Record<Format, string> = { xml: XML_TYPE, json: JSON_TYPE };

/** Whether a saved single-request file is the request with that id. */
function isRecordOf(text: string, format: Format, id: string | null): boolean {
  if (format === 'xml') return singleRequest(text, format, id ?? '') !== undefined;
  const doc = JSON.parse(text) as Json;
  return isObject(doc) && String(doc.service_request_id) === id;
}

function sameFormat(file: FixtureFile | undefined, format: Format | null): file is FixtureFile {
  return file !== undefined && file.format === format;
}

async function answerFor(city: FixtureCity, dir: URL, origin: string, request: FrontRequest): Promise<FrontAnswer> {
  const route = routeOf(request.method, request.url);
  const read = (f: FixtureFile): Promise<string> => readFile(new URL(f.file, dir), 'utf8');
  const notFound = (): FrontAnswer => errorAnswer(route.format, 404, `${request.url.pathname} was not saved for ${city.name}`);
  const { services, requests, request: one } = city.files;

  switch (route.resource) {
    case 'discovery':
      return discoveryAnswer(route.format ?? 'json', { baseUrl: `${origin}${API_PATH}`, contact: `${city.name} (saved responses)`, formats: formatsOf(city) });
    case 'services':
      return sameFormat(services, route.format) ? answer(200, CONTENT_TYPE[services.format], await read(services)) : notFound();
    case 'requests': {
      if (sameFormat(requests, route.format)) return answer(200, CONTENT_TYPE[requests.format], await read(requests));
      const single = city.listOf;
      if (sameFormat(single, route.format)) return answer(200, CONTENT_TYPE[single.format], `[${await read(single)}]`);
      return notFound();
    }
    case 'request': {
      if (sameFormat(one, route.format) && one.whole) {
        const text = await read(one);
        return isRecordOf(text, one.format, route.param) ? answer(200, CONTENT_TYPE[one.format], text) : notFound();
      }
      if (!sameFormat(requests, route.format) || route.param === null) return notFound();
      const cut = singleRequest(await read(requests), requests.format, route.param);
      return cut === undefined ? notFound() : answer(200, CONTENT_TYPE[requests.format], cut);
    }
    case 'submit':
      return errorAnswer(route.format, 403, 'Invalid api_key received -- this replay accepts no reports.');
    default:
      return notFound();
  }
}

export async function startFixtureServer(city: FixtureCity, dir: URL): Promise<FixtureServer> {
  let origin = '';
  const front = await startHttpFront((request) => answerFor(city, dir, origin, request));
  origin = front.origin;
  return { origin, discoveryUrl: `${origin}/open311/discovery.json`, close: () => front.close() };
}
