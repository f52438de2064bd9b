/**
 * The sandbox: a jurisdiction for client developers beside the city's own. Its
 * requests never reach staff (the back office serves the primary jurisdiction,
 * which a sandbox never is), it holds a copy of the primary jurisdiction's
 * services, its public key posts only to it, and it is emptied every day
 * (the `sandbox.reset` job). GeoReport serves it under SANDBOX_BASE, so a plain
 * client needs no jurisdiction_id; discovery lists it as the `test` endpoint.
 */
import { sharedPublicKey, type Jurisdiction, type Store } from '@o311/store';

export const SANDBOX_BASE = '/open311/sandbox/v2';
export const SANDBOX_ID = 'sandbox';
export const SANDBOX_KEY_NAME = 'o311 sandbox (public)';
/** The settings row holding the sandbox key's secret (public), shared by every process. */
export const SANDBOX_KEY_SETTING = 'sandbox.api_key';
/** Per client address: the key is printed for anyone. */
export const SANDBOX_RATE_PER_MINUTE = 30;

/** What the server needs to serve a sandbox. */
export interface SandboxConfig {
  jurisdictionId: string;
  /** The public key, shown on /developers and pre-filled in the interactive docs. */
  apiKey: string;
}

/** Copies the primary jurisdiction's services into the sandbox, and drops those it no longer has. */
export async function syncSandboxServices(store: Store, primary: Jurisdiction, sandbox: Jurisdiction): Promise<void> {
  const wanted = await store.listServices(primary.id, { includeInactive: true });
  const codes = new Set(wanted.map((s) => s.service_code));
  for (const s of await store.listServices(sandbox.id, { includeInactive: true })) {
    // Deleting a service of the sandbox is refused while requests name it: they go at the next reset.
    if (!codes.has(s.service_code)) await store.deleteService(sandbox.id, s.service_code);
  }
  for (const { updated_at: _, ...s } of wanted) await store.saveService({ ...s, jurisdiction_id: sandbox.id });
}

/**
 * Creates (or refreshes) the sandbox of the primary jurisdiction and its
 * public key, one for every process on the database: kept while it is live,
 * so that a process started later does not revoke the key the others show.
 * Undefined when the server has no primary jurisdiction yet.
 */
export async function ensureSandbox(store: Store): Promise<SandboxConfig | undefined> {
  const primary = await store.primaryJurisdiction();
  if (!primary) return undefined;
  const sandbox = await store.saveJurisdiction({
    id: SANDBOX_ID,
    name: `${primary.name} sandbox`,
    contact: `A playground for client developers: requests here never reach ${primary.name}'s staff and are deleted every day. ${primary.contact}`,
    key_service: 'The public sandbox key is on /developers; for the production endpoint: ' + primary.key_service,
    timezone: primary.timezone,
    sandbox: true,
  });
  await syncSandboxServices(store, primary, sandbox);
  const secret = await sharedPublicKey(
    store,
    SANDBOX_KEY_SETTING,
    { name: SANDBOX_KEY_NAME, rate_limit_per_minute: SANDBOX_RATE_PER_MINUTE, trusted: false, public: true, jurisdiction_id: sandbox.id },
    (key) => key.jurisdiction_id === sandbox.id,
  );
  return { jurisdictionId: sandbox.id, apiKey: secret };
}
