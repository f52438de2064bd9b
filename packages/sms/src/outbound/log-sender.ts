/**
 * The sender of the demo, the tests and the simulator: nothing leaves the
 * machine. The message is already in the store's SMS log, where the simulator
 * page shows it once it is marked sent.
 */
import { randomUUID } from 'node:crypto';
import type { SmsSender } from './sender.js';

export const logSender = (): SmsSender => ({
  name: 'log',
  send: async () => ({ providerId: `log-${randomUUID()}` }),
});
