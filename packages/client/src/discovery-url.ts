/** Which URLs name a discovery document rather than a GeoReport base URL (the monitor and the harvester poll both, the validator checks both). */

/** A last path segment `discovery`, `discovery.json` or `discovery.xml`. */
const DISCOVERY_NAME = /^discovery(?:\.(?:xml|json))?$/i;

/** False for anything that is not an absolute URL. */
export function isDiscoveryUrl(url: string): boolean {
  try {
    return DISCOVERY_NAME.test(new URL(url).pathname.split('/').pop() ?? '');
  } catch {
    return false;
  }
}
