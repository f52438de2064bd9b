/**
 * How the demo city's requests arrived: most by phone, as in real 311 centres,
 * then the web form and the app. Drawn from its own generator, seeded by the
 * request's time, so adding it left every other draw of the seeder unchanged.
 */
import type { RequestChannel } from '@o311/georeport';
import { Random } from './random.js';

const SHARES: readonly (readonly [RequestChannel, number])[] = [
  ['phone', 0.42], ['web', 0.3], ['app', 0.14], ['email', 0.06], ['api', 0.05], ['sms', 0.03],
];

export function demoChannel(requestedAt: number): RequestChannel {
  return new Random(requestedAt % 0x1_0000_0000).weighted(SHARES, ([, share]) => share)[0];
}
