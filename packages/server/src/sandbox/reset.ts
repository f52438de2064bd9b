/**
 * The sandbox's reset, run once a day by the `sandbox.reset` job (jobs/server-jobs.ts):
 * its requests are deleted and its services copied again from the primary jurisdiction.
 */
import type { Store } from '@o311/store';
import { syncSandboxServices } from './sandbox.js';

/** The number of requests deleted. */
export async function resetSandbox(store: Store, sandboxId: string): Promise<number> {
  const cleared = await store.clearRequests(sandboxId);
  const [primary, sandbox] = await Promise.all([store.primaryJurisdiction(), store.getJurisdiction(sandboxId)]);
  if (primary && sandbox) await syncSandboxServices(store, primary, sandbox);
  return cleared;
}
