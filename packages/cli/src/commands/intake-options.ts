/** The city's intake addresses from `--intake-address` (shared by `serve` and `mail ingest`). */
import type { IntakeAddress } from '@o311/email-intake';
import type { Store } from '@o311/store';
import { UsageError } from '../errors.js';

export async function intakeAddresses(store: Store, specs: readonly string[], jurisdiction: string | undefined): Promise<IntakeAddress[]> {
  const { parseIntakeAddress } = await import('@o311/email-intake');
  // A bare address belongs to the jurisdiction the web apps serve: the named one, else the stored primary.
  const fallback = jurisdiction ?? (await store.primaryJurisdiction())?.id;
  if (fallback === undefined) throw new UsageError('--intake-address needs a jurisdiction: the database has no primary one (name it: ADDRESS=JURISDICTION)');
  const addresses = specs.map((spec) => {
    const parsed = parseIntakeAddress(spec, fallback);
    if (!parsed) throw new UsageError(`--intake-address ${spec} is not an e-mail address (ADDRESS or ADDRESS=JURISDICTION, no plus part)`);
    return parsed;
  });
  for (const a of addresses) {
    if (!(await store.getJurisdiction(a.jurisdiction_id))) throw new UsageError(`--intake-address ${a.address}: no jurisdiction ${a.jurisdiction_id}`);
  }
  return addresses;
}
