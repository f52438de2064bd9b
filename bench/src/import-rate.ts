/** `o311 import` of the dataset, beside the same command with `--dry-run` (read and check, no writes). */
import { run } from './processes.js';

export interface ImportFigures {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  dryRunRowsPerSecond: number;
}

export async function measureImport(cli: string, csv: string, rows: number, databaseUrl: string, jurisdiction: string): Promise<ImportFigures> {
  const args = ['import', csv, '--database', databaseUrl, '--jurisdiction', jurisdiction];
  const dryRun = await run('node', [cli, ...args, '--dry-run']);
  const imported = await run('node', [cli, ...args]);
  return { rows, seconds: imported.seconds, rowsPerSecond: rows / imported.seconds, dryRunRowsPerSecond: rows / dryRun.seconds };
}
