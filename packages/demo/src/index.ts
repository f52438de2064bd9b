/**
 * @o311/demo — Riverton, a fictional city with a year of believable 311
 * history, for demos, screenshots, benchmarks and tests.
 */
export { seedDemoCity, isSeeded, DEFAULT_DEMO_REQUESTS, DEFAULT_DEMO_SEED, type SeedOptions, type SeedResult } from './seed.js';
export { DEMO_JURISDICTION, CITY_HALL, NEIGHBOURHOODS, PARKS, cityBounds, type Neighbourhood, type Park } from './city.js';
export { DEMO_COUNTY, DEMO_STATE, DEMO_NATION, DEMO_REGION_SERVICES, NATION_BOUNDARY_ID, demoRegistry, seedDemoRegion } from './region.js';
export { rivertonOutline, countyOutline, stateOutline } from './region-boundaries.js';
export { DEMO_SERVICES, toServiceRecord, type DemoService, type DemoAttribute, type Localized } from './services.js';
export { planRequests, type PlannedRequest, type Transition } from './plan.js';
export { Random } from './random.js';
export { neighbourhoodAreas, neighbourhoodAreaId, seedDemoAreas, NEIGHBOURHOOD_AREA_LABEL } from './neighbourhood-areas.js';
export { demoGazetteer, seedDemoGazetteer, GAZETTEER_BLOCKS } from './gazetteer.js';
