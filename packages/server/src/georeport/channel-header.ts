/**
 * The citizen app says how a report reached it (an o311 extension): the
 * header `O311-Channel: web` (its form) or `app` (the installed app, or its
 * outbox of reports made offline). Only a public key, the kind the citizen app
 * publishes on its pages, speaks for those channels; a request under any other
 * key came through the API whatever it says.
 */
import { badRequest, type RequestChannel } from '@o311/georeport';
import type { ApiKey } from '@o311/store';

export const CHANNEL_HEADER = 'O311-Channel';

const CLAIMABLE: readonly RequestChannel[] = ['web', 'app'];

export const CHANNEL_DOC = `Extension: \`web\` or \`app\`, how the citizen app took the report; heeded for public keys only (others file \`api\`).`;

export function claimedChannel(value: string | string[] | undefined, key: ApiKey): RequestChannel {
  if (value === undefined) return 'api';
  const claimed = CLAIMABLE.find((c) => c === value);
  if (claimed === undefined) throw badRequest(`${CHANNEL_HEADER} must be web or app.`);
  return key.public ? claimed : 'api';
}
