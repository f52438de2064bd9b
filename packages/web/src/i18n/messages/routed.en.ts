/** Words of reporting to other agencies through the federated endpoint: the place step, the picker, their forms and tracker. */
export const routedEn = {
  'place.title': 'Report a problem anywhere',
  'place.intro': 'Place the problem on the map, or type its coordinates. You then see the services of every agency responsible there: the city, the county, the state and others.',
  'place.submit': 'Show the services here',
  'place.error': 'Enter a latitude between -90 and 90 and a longitude between -180 and 180, both as decimal numbers.',
  'place.servicesTitle': 'Services at this place',
  'place.at': 'At {lat}, {long}.',
  'place.change': 'Choose another place',
  'place.unavailable': '{name} services are unavailable right now. Please try again later.',
  'place.none': 'No agency offers services at this place.',
  'place.home': 'Is it a county road, a state highway or something else the city does not handle?',
  'place.homeLink': 'Place it on the map to see every agency’s services there',

  'routed.handledBy': 'This report goes to {name} ({tier}), sent on by this site.',
  'routed.privacy': 'You can report without giving any contact details. If you do give them, they are sent to {name} with the report, only for its staff to ask you about it or tell you it is fixed. They are never shown in public.',
  'routed.noPhotos': 'Photos cannot be sent to {name} from this site.',
  'routed.unavailableTitle': 'This agency cannot be reached right now',
  'routed.unavailableText': '{name} does not answer right now. Please try again in a few minutes.',
  'routed.refused': '{name} did not accept this report: {reason}',
  'routed.trackerNote': 'This request is handled by {name} ({tier}). What you see here is read from their service.',
  'routed.latestUpdate': 'Latest update',
  'routed.statusUnavailable': 'Status unavailable right now',
} as const;
