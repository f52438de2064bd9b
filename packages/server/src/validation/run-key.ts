/**
 * The API key of a write run, sealed with the server's CredentialBox
 * (O311_ROUTER_SECRET) while the run waits and runs; the run's URL is the
 * sealed text's additional data, so it opens for that run's target only.
 * The store erases it when the run ends.
 */
import type { CredentialBox } from '@o311/router';

const label = (url: string): string => `validate:${url}`;

export const sealRunKey = (box: CredentialBox, url: string, apiKey: string): string => box.seal(label(url), apiKey);

export const openRunKey = (box: CredentialBox, url: string, sealed: string): string => box.open(label(url), sealed);
