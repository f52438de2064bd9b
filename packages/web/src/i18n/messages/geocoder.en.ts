/** The report form's address search (issue 14): "Find this address", the places found, the choice. */
export const geocoderEn = {
  'geocode.find': 'Find this address',
  'geocode.finding': 'Looking for the address…',
  'geocode.empty': 'Type an address first, then find it.',
  'geocode.legend': 'Places found for “{query}”',
  'geocode.hint': 'Choose the place you mean: it is shown on the map. Then use it, or send the report with the address only.',
  'geocode.hintNoJs': 'We found places for the address you typed. Choose one and use it (or send), or choose to send the address only.',
  'geocode.use': 'Use this place',
  'geocode.addressOnly': 'None of these: send the address only',
  'geocode.none': 'No place found for “{query}”. Check the address, place the point on the map, or send the report with the address only.',
  'geocode.busy': 'Too many address searches from here: wait a minute and try again.',
  'geocode.failed': 'The address search is not available right now. Place the point on the map, or send the address only.',
  'geocode.preview': 'On the map: {label}. Use this place to confirm it.',
  'geocode.confirmed': 'Location set to {label}.',
  'geocode.keptAddressOnly': 'The report will be sent with the address only.',
  'geocode.kind.address': 'address',
  'geocode.kind.interpolated': 'near this number',
  'geocode.kind.street': 'the street',
  'geocode.kind.place': 'place',
} as const;

export type GeocoderKey = keyof typeof geocoderEn;
