/** Options and argument parsers shared by several commands. */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { UsageError } from '../errors.js';

export interface DatabaseOptions {
  database?: string;
}

export function addDatabaseOption(cmd: Command): Command {
  return cmd.addOption(
    new Option('--database <url>', 'database URL: sqlite:PATH, sqlite::memory: or postgres://… (default: $O311_DATABASE_URL or sqlite:./data/o311.sqlite)'),
  );
}

/** A whole number within [min, max], for commander's argParser. */
export const integerIn = (min: number, max: number) => (value: string): number => {
  const text = value.trim();
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}.`);
  }
  return n;
};

/** A non-empty, single-line name. */
export const nameArg = (value: string): string => {
  const text = value.trim();
  if (text === '') throw new InvalidArgumentError('must not be empty.');
  if (/[\r\n]/.test(text)) throw new InvalidArgumentError('must be a single line.');
  if (text.length > 200) throw new InvalidArgumentError('at most 200 characters.');
  return text;
};

/** `LAT,LONG` in decimal degrees (WGS 84), for commander's argParser. */
export const pointArg = (value: string): { lat: number; long: number } => {
  const parts = value.split(',').map((p) => p.trim());
  const [lat, long] = parts.map((p) => (/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(p) ? Number(p) : Number.NaN));
  if (parts.length !== 2 || lat === undefined || long === undefined || !(Math.abs(lat) <= 90) || !(Math.abs(long) <= 180)) {
    throw new InvalidArgumentError('expected LAT,LONG in decimal degrees, e.g. 41.5868,-93.625.');
  }
  return { lat, long };
};

/** `--public-url` of the commands that build the server: an http(s) URL, without its trailing slashes. */
export function checkPublicUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--public-url '${value}' is not a URL; expected e.g. https://311.example.org`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--public-url must start with http:// or https://, got '${value}'`);
  }
  return value.replace(/\/+$/, '');
}
