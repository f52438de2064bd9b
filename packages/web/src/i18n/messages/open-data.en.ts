/** Words of the open-data page `/open-data` and the Atom feeds of updates (issue 13). Placeholders are `{name}`. */
export const openDataEn = {
  'openData.nav': 'Open data',
  'openData.title': 'Open data',
  'openData.intro':
    'Every public service request is published here to download and reuse: the whole data set as CSV, GeoJSON or newline-delimited GeoJSON, one GeoReport file per month, and a feed of the latest updates. Files are made when you ask for them, so they are always current.',
  'openData.privacy':
    'The files hold only what the public request pages show: never the name, e-mail address, phone number, device or account of the person who reported, nor internal notes.',
  'openData.nothing': 'This server publishes no data yet.',
  'openData.total.one': '{count} request (jurisdiction {id}).',
  'openData.total.other': '{count} requests (jurisdiction {id}).',
  'openData.file.csv': 'All requests as CSV (spreadsheets)',
  'openData.file.geojson': 'All requests as GeoJSON (maps)',
  'openData.file.ndjson': 'All requests as newline-delimited GeoJSON (one feature per line)',
  'openData.file.atom': 'Feed of the latest updates (Atom)',
  'openData.file.index': 'List of the monthly files (JSON)',
  'openData.months': 'Monthly GeoReport files',
  'openData.monthsIntro':
    'The requests submitted in each month, exactly as the Open311 GeoReport v2 API shows them with extensions (history and detailed status). Months are counted in the time zone {timezone}.',
  'openData.noRequests': 'No requests yet.',
  'openData.col.month': 'Month',
  'openData.col.requests': 'Requests',
  'openData.col.files': 'Files',
  'openData.filters': 'Filtering the files',
  'openData.filtersIntro': 'The CSV, GeoJSON and newline-delimited GeoJSON files take these query parameters; a wrong value is answered with a 400 error saying what is wrong.',
  'openData.param.service': 'Only these services: repeat the parameter or separate the codes with commas (at most 100).',
  'openData.param.status': 'open or closed.',
  'openData.param.dates': 'Submitted on or after / on or before: a date (2026-01-31, a whole day in the local time zone) or a date and time with its offset (2026-01-31T08:00:00Z).',
  'openData.param.updated': 'Last changed on or after / on or before, in the same forms.',
  'openData.example': 'For example:',
  'openData.cli': 'On the server, the same files come from the command line:',
  'openData.columns': 'Columns',
  'openData.columnsIntro':
    'The CSV columns and the GeoJSON properties, in this order. Dates carry the local offset; a GeoJSON feature without a location has a null geometry. Text cells starting with = + - or @ begin with an apostrophe so that spreadsheets do not run them as formulas.',
  'openData.feed.title': '{name}: latest updates',
  'openData.feed.subtitle.one': 'The latest status change or public comment.',
  'openData.feed.subtitle.other': 'The {count} latest status changes and public comments.',
  'openData.feed.entry': 'Request {id}: {what}',
} as const;

export type OpenDataKey = keyof typeof openDataEn;
