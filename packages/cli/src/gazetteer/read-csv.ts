/**
 * A gazetteer CSV: a header row naming the columns (GAZETTEER_COLUMNS, any
 * order, other columns ignored), then one address point per row, or a street
 * point when the number is empty. Needs street, lat and long columns.
 */
import { CsvReader, CsvSyntaxError } from '../import/csv.js';
import { CliError } from '../errors.js';
import { addRow, emptyRows, fieldColumns, GAZETTEER_COLUMNS, type GazetteerField, type GazetteerRows } from './rows.js';

const REQUIRED: readonly GazetteerField[] = ['street', 'lat', 'long'];

export function readGazetteerCsv(text: string, maxRows: number): GazetteerRows {
  const out = emptyRows();
  let columns: Map<GazetteerField, number> | undefined;
  const reader = new CsvReader((fields, line) => {
    if (columns === undefined) {
      columns = fieldColumns(fields);
      const missing = REQUIRED.filter((f) => !columns?.has(f));
      if (missing.length > 0) {
        throw new CliError(`line ${line}: the header has no ${missing.map((f) => `${f} column (${GAZETTEER_COLUMNS[f].join(', ')})`).join(', no ')}`);
      }
      return;
    }
    if (out.rows >= maxRows) throw new CliError(`more than ${maxRows} rows: (the most one import takes)`);
    const values: Partial<Record<GazetteerField, string>> = {};
    for (const [f, i] of columns) values[f] = fields[i] ?? '';
    addRow(out, `line ${line}`, values);
  });
  try {
    reader.push(text);
    reader.end();
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new CliError(e.message, { cause: e });
    throw e;
  }
  if (columns === undefined) throw new CliError('the file is empty (a header row is needed)');
  return out;
}
