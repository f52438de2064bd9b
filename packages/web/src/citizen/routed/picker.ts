/**
 * The services at a point, by who handles them: the city this app serves
 * (its own services and form) and every other endpoint of the registry whose
 * boundary covers the point (county, state, utilities…), read through the
 * federated endpoint in process, smallest tier first, all in the page's language.
 */
import type { Service, Tier } from '@o311/georeport';
import { routerServices } from '@o311/server';
import type { Endpoint, Jurisdiction } from '@o311/store';
import type { WebContext } from '../../context.js';
import { loadServices } from '../catalog.js';
import type { Point } from './paths.js';

export interface Handler {
  name: string;
  tier: Tier;
  /** The city this app serves: its services keep their own codes and form. */
  home: boolean;
  /** For another endpoint, namespaced `slug:CODE`. */
  services: Service[];
  /** Its services could not be read now. */
  unavailable: boolean;
}

const isHome = (e: Endpoint, j: Jurisdiction): boolean => e.local && e.jurisdiction_id === j.id;

/**
 * Every handler at the point. When the registry knows no endpoint there, the
 * city's own services are offered, as on the home page.
 */
export async function loadHandlers(web: WebContext, j: Jurisdiction, point: Point, locale: string): Promise<Handler[]> {
  const { federation, reader } = routerServices(web.services);
  const [covering, answer] = await Promise.all([federation.covering(point), reader.services({ point }, locale)]);
  const own = (): Promise<Service[]> => loadServices(web.services.store, j, locale);
  if (covering.length === 0) return [{ name: j.name, tier: 'city', home: true, services: await own(), unavailable: false }];
  return Promise.all(
    covering.map(async (e): Promise<Handler> => {
      const home = isHome(e, j);
      return {
        name: home ? j.name : e.name,
        tier: e.tier,
        home,
        services: home ? await own() : answer.services.filter((s) => s.endpoint === e.slug),
        unavailable: !home && answer.missing.some((m) => m.slug === e.slug),
      };
    }),
  );
}
