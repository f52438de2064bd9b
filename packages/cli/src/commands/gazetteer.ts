/** `o311 gazetteer …`: a jurisdiction's address gazetteer, which locates typed addresses (import, search). */
import { Command, Option } from 'commander';
import { GazetteerGeocoder, GeocoderError, MAX_CANDIDATES } from '@o311/geocoder';
import { resolveDatabaseUrl, withDatabase } from '../database.js';
import { UsageError } from '../errors.js';
import { println, type CliIo } from '../io.js';
import { renderTable } from '../table.js';
import { gazetteerImportCommand } from './gazetteer-import.js';
import { addDatabaseOption, integerIn, type DatabaseOptions } from './options.js';

interface SearchOptions extends DatabaseOptions {
  jurisdiction: string;
  limit: number;
}

async function search(io: CliIo, text: string, o: SearchOptions): Promise<void> {
  await withDatabase(resolveDatabaseUrl(o.database, io.env), async (store) => {
    if ((await store.getJurisdiction(o.jurisdiction)) === undefined) throw new UsageError(`--jurisdiction: no jurisdiction '${o.jurisdiction}' in the database`);
    const counts = await store.gazetteer.counts(o.jurisdiction);
    let found;
    try {
      found = await new GazetteerGeocoder(store.gazetteer).search({ text, jurisdiction_id: o.jurisdiction, limit: o.limit });
    } catch (e) {
      if (e instanceof GeocoderError) throw new UsageError(e.message);
      throw e;
    }
    if (found.length === 0) {
      println(io.stdout, `nothing found for "${text}" among ${counts.addresses} address points and ${counts.streets} streets of ${o.jurisdiction}`);
      return;
    }
    println(io.stdout, renderTable(['score', 'kind', 'lat', 'long', 'label'], found.map((c) => [c.score.toFixed(2), c.kind, String(c.lat), String(c.long), c.label])));
  });
}

export function gazetteerCommand(io: CliIo): Command {
  const searchCommand = new Command('search')
    .description("find a typed address in a jurisdiction's gazetteer, as the report form does")
    .argument('<address>', 'e.g. "12 Main St"')
    .requiredOption('--jurisdiction <id>', 'whose gazetteer to search')
    .addOption(new Option('--limit <n>', 'candidates at most').argParser(integerIn(1, MAX_CANDIDATES)).default(5))
    .action(async (text: string, o: SearchOptions) => search(io, text, o));
  return new Command('gazetteer')
    .description('the address gazetteer of a jurisdiction, which locates typed addresses')
    .addCommand(addDatabaseOption(gazetteerImportCommand(io)))
    .addCommand(addDatabaseOption(searchCommand));
}
