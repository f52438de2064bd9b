/** How the monitor's HTTP calls are made: one set of options for polls and usage samples. */
import type { Transport } from '@o311/client';

export interface PollOptions {
  /** Default: one shared transport of the client SDK (kept-alive connections). Tests inject one. */
  transport?: Transport;
  /** Allow loopback and private addresses (a test or an intranet deployment); refused otherwise. */
  allowPrivate: boolean;
  /** Per HTTP call, the whole exchange. */
  timeoutMs: number;
  /** Epoch ms: when a sample is taken, how old a cached discovery answer is. */
  now: () => number;
  /** The largest answer read, bytes (default: the client's, 20 MiB). */
  maxBytes?: number;
}
