/** `o311 boundaries …`: the boundaries of the discovery registry. */
import { Command } from 'commander';
import type { CliIo } from '../io.js';
import { boundariesImportCommand } from './boundaries-import.js';

export function boundariesCommand(io: CliIo): Command {
  return new Command('boundaries').description('boundaries of the discovery registry').addCommand(boundariesImportCommand(io));
}
