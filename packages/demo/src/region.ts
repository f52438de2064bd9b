/**
 * The governments above Riverton, for discovery (issue 10): a fictional
 * county and state, and the nation's federal services, each a jurisdiction of
 * this same o311 server with services of its own, and each a local endpoint
 * of the discovery registry with its boundary. The nation's boundary is the
 * real United States of the discovery seed (`country-840`), which must be
 * saved first; so a point in Riverton looks up city, county, state and nation.
 */
import type { Jurisdiction, NewBoundary, NewEndpoint, NewService, Store } from '@o311/store';
import { DEMO_JURISDICTION } from './city.js';
import { countyOutline, rivertonOutline, stateOutline } from './region-boundaries.js';

export const DEMO_COUNTY: Jurisdiction = {
  id: 'tallgrass-county.example',
  name: 'Tallgrass County',
  contact: 'Tallgrass County Secondary Roads, 500 Court Ave, Riverton. Call 555-0140, Mon–Fri 8 am–4:30 pm; roads@tallgrass-county.example.',
  key_service: 'Tallgrass County shares its API keys with Riverton 311: request one from open311@riverton.example.',
  timezone: 'America/Chicago',
};

export const DEMO_STATE: Jurisdiction = {
  id: 'prairie-state.example',
  name: 'State of Prairie',
  contact: 'Prairie Department of Transportation, 800 Lincoln Way, Capitol City. Call 511 for road conditions, 555-0511 for the service desk.',
  key_service: 'Developers can request an API key from open311@prairie-state.example.',
  timezone: 'America/Chicago',
};

export const DEMO_NATION: Jurisdiction = {
  id: 'federal.example',
  name: 'Federal services (demo)',
  contact: 'A demo of national services beside the city, county and state: write to 311@federal.example.',
  key_service: 'Developers can request an API key from open311@federal.example.',
  timezone: 'America/Chicago',
};

/** The boundary of the nation's endpoint: the United States, saved by the discovery seed. */
export const NATION_BOUNDARY_ID = 'country-840';

const SOURCE = 'o311 demo: fictional boundaries drawn around Riverton (on the land of Polk County, Iowa)';

type Entry = [code: string, name: string, description: string, group: string, agency: string, slaHours: number, es: string, fr: string];

const service = (jurisdiction_id: string, [code, name, description, group, agency, sla, es, fr]: Entry): NewService => ({
  jurisdiction_id, service_code: code, service_name: name, description, type: 'realtime', keywords: null, group, active: true,
  agency_responsible: agency, service_notice: null, sla_hours: sla, attributes: [],
  translations: { es: { service_name: es }, fr: { service_name: fr } },
});

const ROADS = 'Tallgrass County Secondary Roads';
const DOT = 'Prairie Department of Transportation';

export const DEMO_REGION_SERVICES: readonly NewService[] = [
  ...([
    ['COUNTY_ROAD', 'County road damage', 'Potholes, washouts or soft shoulders on a county road outside city limits.', 'Roads', ROADS, 120,
      'Daños en camino del condado', 'Route de comté endommagée'],
    ['GRAVEL_GRADING', 'Gravel road needs grading', 'Ruts, washboarding or loose gravel on an unpaved county road.', 'Roads', ROADS, 240,
      'Camino de grava por nivelar', 'Chemin de gravier à niveler'],
    ['CULVERT', 'Blocked or damaged culvert', 'A culvert under a county road is blocked, collapsed or washing out.', 'Drainage', ROADS, 72,
      'Alcantarilla obstruida o dañada', 'Ponceau bouché ou endommagé'],
  ] satisfies Entry[]).map((e) => service(DEMO_COUNTY.id, e)),
  ...([
    ['HIGHWAY_SIGN', 'Damaged or missing highway sign', 'A sign on a state highway or interstate is down, bent, faded or missing.', 'Signs', DOT, 168,
      'Señal de carretera dañada o faltante', "Panneau d'autoroute endommagé ou manquant"],
    ['HIGHWAY_POTHOLE', 'Pothole on a state highway', 'A pothole or broken pavement on a numbered state highway.', 'Pavement', DOT, 96,
      'Bache en carretera estatal', "Nid-de-poule sur une route d'État"],
    ['REST_AREA', 'Rest area problem', 'Closed restrooms, broken fixtures or litter at a state rest area.', 'Facilities', DOT, 72,
      'Problema en área de descanso', "Problème d'aire de repos"],
  ] satisfies Entry[]).map((e) => service(DEMO_STATE.id, e)),
  ...([
    ['MAIL_DELIVERY', 'Mail delivery problem', 'Mail not delivered, delivered to the wrong address or left in the open.', 'Mail', 'Postal service (demo)', 120,
      'Problema con la entrega del correo', 'Problème de distribution du courrier'],
    ['FEDERAL_LEVEE', 'Levee or federal land problem', 'Damage, seepage or dumping on a levee or trail managed by a federal agency.', 'Land', 'Corps of engineers (demo)', 48,
      'Problema en dique o terreno federal', 'Problème de digue ou de terrain fédéral'],
  ] satisfies Entry[]).map((e) => service(DEMO_NATION.id, e)),
];

const local = (slug: string, j: Jurisdiction, tier: NewEndpoint['tier'], boundary_id: string, contact_email: string): NewEndpoint => ({
  slug, name: j.name, tier, country: 'US', base_url: null, discovery_url: null, jurisdiction_id: j.id, local: true,
  formats: ['json', 'xml'], api_key_url: null, terms_url: null, contact_email, status: 'production', boundary_id, quirks: null,
  notes: 'Demo jurisdiction served by this o311 server.',
});

/** The demo's boundaries and local endpoints for the discovery registry (the nation's boundary comes from the seed). */
export function demoRegistry(): { boundaries: NewBoundary[]; endpoints: NewEndpoint[] } {
  const boundary = (id: string, name: string, tier: NewBoundary['tier'], geometry: NewBoundary['geometry']): NewBoundary =>
    ({ id, name, tier, source: SOURCE, approximate: false, geometry });
  return {
    boundaries: [
      boundary('demo-riverton', DEMO_JURISDICTION.name, 'city', rivertonOutline()),
      boundary('demo-tallgrass-county', DEMO_COUNTY.name, 'county', countyOutline()),
      boundary('demo-prairie-state', DEMO_STATE.name, 'state', stateOutline()),
    ],
    endpoints: [
      local('riverton', DEMO_JURISDICTION, 'city', 'demo-riverton', '311@riverton.example'),
      local('tallgrass-county', DEMO_COUNTY, 'county', 'demo-tallgrass-county', 'roads@tallgrass-county.example'),
      local('prairie-state', DEMO_STATE, 'state', 'demo-prairie-state', 'open311@prairie-state.example'),
      local('federal-demo', DEMO_NATION, 'nation', NATION_BOUNDARY_ID, '311@federal.example'),
    ],
  };
}

/**
 * Adds the county, state and federal jurisdictions and their services that
 * are missing (what exists is left as it is, edits included), and says how
 * many it added. Riverton must exist first, so that it stays the primary
 * jurisdiction.
 */
export async function seedDemoRegion(store: Store): Promise<{ jurisdictions: number; services: number }> {
  if ((await store.getJurisdiction(DEMO_JURISDICTION.id)) === undefined) {
    throw new Error(`the demo city ${DEMO_JURISDICTION.id} is not in the database: seed it first (o311 serve --demo)`);
  }
  const added = { jurisdictions: 0, services: 0 };
  for (const j of [DEMO_COUNTY, DEMO_STATE, DEMO_NATION]) {
    if ((await store.getJurisdiction(j.id)) !== undefined) continue;
    await store.saveJurisdiction(j);
    added.jurisdictions++;
  }
  for (const j of [DEMO_COUNTY, DEMO_STATE, DEMO_NATION]) {
    const existing = new Set((await store.listServices(j.id, { includeInactive: true })).map((s) => s.service_code));
    for (const s of DEMO_REGION_SERVICES) {
      if (s.jurisdiction_id !== j.id || existing.has(s.service_code)) continue;
      await store.saveService(s);
      added.services++;
    }
  }
  return added;
}
