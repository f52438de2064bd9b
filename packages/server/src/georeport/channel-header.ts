/**
 * How a request reached the city, as the poster says (an o311 extension): the
 * header `O311-Channel`. The citizen app says `web` (its form) or `app` (the
 * installed app, or its outbox of reports made offline) under its public key;
 * a trusted key (a city's own contact-centre or CRM integration) may name any
 * channel. Under any other key the request came through the API whatever it
 * says; a value that is no channel at all is a 400 under every key.
 */
import { badRequest, isRequestChannel, REQUEST_CHANNELS, type RequestChannel } from '@o311/georeport';
import type { ApiKey } from '@o311/store';

export const CHANNEL_HEADER = 'O311-Channel';

/** What the citizen app's public key may say. */
const PUBLIC_CHANNELS: readonly RequestChannel[] = ['web', 'app'];

export const CHANNEL_DOC =
  `Extension: how the request reached the city, one of ${REQUEST_CHANNELS.map((c) => `\`${c}\``).join(', ')}. ` +
  'Heeded for a trusted key (any channel) and for a public key (`web` or `app`, the citizen app); other keys file `api`.';

export function claimedChannel(value: string | string[] | undefined, key: ApiKey): RequestChannel {
  if (value === undefined) return 'api';
  if (typeof value !== 'string' || !isRequestChannel(value)) {
    throw badRequest(`${CHANNEL_HEADER} must be one of ${REQUEST_CHANNELS.join(', ')}.`);
  }
  if (key.trusted) return value;
  if (!key.public) return 'api';
  if (!PUBLIC_CHANNELS.includes(value)) throw badRequest(`${CHANNEL_HEADER} must be web or app under a public key.`);
  return value;
}
