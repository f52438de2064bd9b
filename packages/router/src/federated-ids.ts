/**
 * Names on the federated endpoint: a service code or request id of an
 * upstream is prefixed by the slug of the registry endpoint that owns it
 * (`polk-county:ROADKILL`, `polk-county:1234`). Slugs never hold a colon, so
 * the first colon splits; the upstream part may hold further colons.
 */

/** The parts of a federated name. */
export interface FederatedName {
  slug: string;
  /** The upstream's own service code or request id. */
  local: string;
}

const SEPARATOR = ':';

/** `slug:local`. */
export function federatedName(slug: string, local: string): string {
  return `${slug}${SEPARATOR}${local}`;
}

/** The slug and upstream part, or undefined when either is empty or there is no colon. */
export function parseFederatedName(name: string): FederatedName | undefined {
  const at = name.indexOf(SEPARATOR);
  if (at <= 0 || at === name.length - 1) return undefined;
  return { slug: name.slice(0, at), local: name.slice(at + 1) };
}
