export * from './geocoder.js';
export { GeocoderError, GEOCODER_ERROR_KINDS, type GeocoderErrorKind } from './errors.js';
export { parseAddress, plainWords, streetKey, type ParsedAddress } from './normalize.js';
export { GazetteerGeocoder, type GazetteerSearch } from './gazetteer-geocoder.js';
export { addressRow, streetRow, gazetteerContent, type AddressInput, type StreetInput } from './gazetteer-rows.js';
export { NominatimGeocoder, NOMINATIM_DEFAULTS, readPlaces, type NominatimOptions } from './nominatim.js';
export { CompositeGeocoder, GOOD_ENOUGH } from './composite.js';
export { Throttle, type ThrottleOptions } from './throttle.js';
