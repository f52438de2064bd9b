export * from './geocoder.js';
export { GeocoderError, type GeocoderErrorKind } from './errors.js';
export { streetKey } from './normalize.js';
export { GazetteerGeocoder, type GazetteerSearch } from './gazetteer-geocoder.js';
export { addressRow, streetRow, gazetteerContent, type AddressInput, type StreetInput } from './gazetteer-rows.js';
export { NominatimGeocoder, type NominatimOptions } from './nominatim.js';
export { CompositeGeocoder } from './composite.js';
export { Throttle, type ThrottleOptions } from './throttle.js';
