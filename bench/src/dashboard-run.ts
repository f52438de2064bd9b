/**
 * Benchmark parts `dashboard` and `export` on one engine's database (its
 * BENCH_ROWS requests imported): areas set, one `o311 serve` that rebuilds
 * the dashboard's read model (timed; waited for even when neither part is
 * measured, so that it runs under no other part's figures), the filter
 * changes, the exports, then the write path (last: its POSTs add requests).
 */
import { setBenchAreas } from './dashboard-areas.js';
import { measureDashboardReads, measureWritePath, timeRebuild, type DashboardFigures } from './dashboard.js';
import { measureExport, type ExportFigures } from './export.js';
import { stop } from './processes.js';
import { serve } from './servers.js';

export interface Issue13Options {
  cli: string;
  databaseUrl: string;
  jurisdiction: string;
  serviceCodes: string[];
  rows: number;
  now: number;
  days: number;
  seconds: number;
  connections: number;
  baselineServer: string;
  tmp: string;
  postBody: (description: string) => string;
  dashboard: boolean;
  export: boolean;
  log: (s: string) => void;
}

/** Filter changes measured per part. */
const PER_PART = Number(process.env.BENCH_DASHBOARD_REQUESTS ?? 500);

export async function measureDashboardAndExport(o: Issue13Options): Promise<{ dashboard?: DashboardFigures; export?: ExportFigures }> {
  const source = await setBenchAreas(o.databaseUrl, o.jurisdiction);
  let server = await serve(o.cli, o.databaseUrl);
  try {
    o.log(`dashboard: the server rebuilds the read model of ${o.rows} requests`);
    const rebuild = await timeRebuild(server, o.databaseUrl, source.id, o.rows);
    const dashboard: DashboardFigures = { rebuild };
    if (o.dashboard) {
      o.log(`dashboard: ${PER_PART} distinct filter changes for each part, then bare node:http`);
      dashboard.reads = await measureDashboardReads({
        server, sourceId: source.id, timezone: source.timezone, areaIds: source.areaIds, serviceCodes: o.serviceCodes,
        now: o.now, days: o.days, perPart: PER_PART, baselineServer: o.baselineServer, tmp: o.tmp,
      });
    }
    let exported: ExportFigures | undefined;
    if (o.export) {
      // A fresh process: its memory during the export is the export's, not what the rebuild left.
      await stop(server.child);
      server = await serve(o.cli, o.databaseUrl);
      o.log('export: /open-data/requests.csv, .geojson, .ndjson on a fresh server, then o311 export --format csv');
      exported = await measureExport({ server, cli: o.cli, databaseUrl: o.databaseUrl, jurisdiction: o.jurisdiction, rows: o.rows, tmp: o.tmp, withCli: true });
    }
    if (o.dashboard) {
      o.log('dashboard: POSTs with and without a reader keeping the dashboard current');
      dashboard.writes = await measureWritePath({ server, databaseUrl: o.databaseUrl, sourceId: source.id, seconds: o.seconds, connections: o.connections, postBody: o.postBody });
    }
    return { ...(o.dashboard && { dashboard }), ...(exported && { export: exported }) };
  } finally {
    await stop(server.child);
  }
}
