/**
 * `o311 discovery seed`: fills the discovery registry with real data (US
 * states and counties, the world's countries, the servers of the open311.org
 * list), and with `--demo` the demo's county, state and nation above
 * Riverton. Running it again adds only what is missing.
 */
import { Command } from 'commander';
import { resolveDatabaseUrl, withDatabase } from '../database.js';
import { CliError, describeError } from '../errors.js';
import { println, type CliIo } from '../io.js';
import { describeSeed, seedDiscovery } from './discovery-seed.js';
import { addUpstreamKeyCommands } from './upstream-key.js';
import { addDatabaseOption, type DatabaseOptions } from './options.js';

interface SeedCommandOptions extends DatabaseOptions {
  demo: boolean;
  overwrite: boolean;
}

export function discoveryCommand(io: CliIo): Command {
  const discovery = new Command('discovery').description('the discovery registry: which Open311 endpoints serve which place');
  addDatabaseOption(
    discovery.command('seed')
      .description('add the US states and counties, the countries of the world and the known Open311 servers (again: adds only what is missing)')
      .option('--demo', "also the demo city's county, state and nation (the demo city must be in the database: o311 serve --demo)", false)
      .option('--overwrite', 'replace seeded entries that were edited since (default: keep them)', false),
  ).action(async (o: SeedCommandOptions) => {
    const result = await withDatabase(resolveDatabaseUrl(o.database, io.env), async (store) => {
      try {
        return await seedDiscovery(store, { demo: o.demo, overwrite: o.overwrite });
      } catch (e) {
        throw new CliError(`cannot seed the discovery registry: ${describeError(e)}`, { cause: e });
      }
    });
    for (const line of describeSeed(result)) println(io.stdout, line);
    println(io.stdout, `seeded the discovery registry in ${result.seconds.toFixed(1)} s`);
  });
  addUpstreamKeyCommands(discovery, io);
  return discovery;
}
