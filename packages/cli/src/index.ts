/**
 * @o311/cli — the `o311` command: serve, keys, tokens, import. The functions
 * behind each command are exported for tests and for embedding.
 */
export { runCli, createProgram } from './program.js';
export { processIo, type CliIo, type OutputStream } from './io.js';
export { CliError, UsageError } from './errors.js';
export { resolveDatabaseUrl, openDatabase, withDatabase, DEFAULT_DATABASE_URL, DATABASE_ENV } from './database.js';
export { serve, serverUrls, DEFAULT_PORT, DEFAULT_HOST, DEMO_KEY_NAME, type ServeOptions } from './commands/serve.js';
export { createKey, DEFAULT_RATE_LIMIT, type CreateKeyInput } from './commands/keys.js';
export { createToken, STAFF_ROLES } from './commands/tokens.js';
export { runImport, chooseJurisdiction, importFormatOf, summaryLine, type ImportCommandOptions } from './commands/import.js';
export { importFile, BATCH_SIZE, ImportFailure, type ImportFormat, type ImportOptions, type ImportResult } from './import/importer.js';
export { CsvReader, CsvSyntaxError } from './import/csv.js';
export { RowMapper, RowError, FIELDS, columnsOf } from './import/rows.js';
export { parseDateTime } from './import/dates.js';
