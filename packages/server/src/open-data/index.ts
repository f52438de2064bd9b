/** What `o311 export` and the web apps use of the open-data exports. */
export { EXPORT_FORMATS, exportStream, type ExportFormat } from './export-formats.js';
export { exportFilter, type CriteriaNames, type ExportCriteria } from './export-filter.js';
export { georeportStream } from './georeport-stream.js';
export { monthRange, parseMonth } from './local-month.js';
export { requestMonths, type MonthCount } from './georeport-months.js';
export { openDataBase, openDataJurisdiction, openDataJurisdictions } from './open-data-jurisdiction.js';
export { OPEN_DATA_HEADERS, openDataEtag } from './streamed-answer.js';
export { EXPORT_FIELDS } from './export-record.js';
