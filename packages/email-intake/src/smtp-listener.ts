/**
 * The inbound SMTP listener of a receiving MX (smtp-server): no AUTH and no
 * relay. RCPT is refused (550) for any mailbox but the city's intake
 * addresses, a message over the size limit at the end of DATA (552: SIZE is
 * only advertised, so the stream's own flag is checked), and a failure of
 * ours is temporary (451) so that the sender tries again later. Connections
 * and recipients are bounded, idle clients are dropped, and a session ends
 * after a maximum time however busy (NOOP) the client keeps it.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { addressedTo } from './addresses.js';
import { ingestMail, type IngestResult } from './ingest.js';
import type { IntakeContext } from './intake-context.js';

export interface SmtpIntakeOptions {
  port: number;
  host: string;
  /** The name the server greets with. */
  hostname?: string;
  maxClients?: number;
  socketTimeoutMs?: number;
  /** The longest a session may last, whatever the client does (10 minutes unless given). */
  maxSessionMs?: number;
  /** Told of each message handled (the CLI logs it). */
  onResult?: (result: IngestResult) => void;
  onError?: (error: unknown) => void;
}

const MAX_RECIPIENTS = 10;
/** Connections at once from one address (one sender cannot take every slot of maxClients). */
const MAX_CONNECTIONS_PER_ADDRESS = 5;
/** Enough for a slow client to send several 20 MB messages; a session kept alive with NOOP ends here. */
const MAX_SESSION_MS = 10 * 60_000;

export interface SmtpIntake {
  port: number;
  close(): Promise<void>;
}

/** An SMTP refusal with its reply code (smtp-server reads `responseCode`). */
function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

async function read(stream: SMTPServerDataStream, max: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    // Keep reading (the client must finish DATA) but stop keeping bytes.
    if (size <= max) chunks.push(chunk);
  }
  return stream.sizeExceeded || size > max ? undefined : Buffer.concat(chunks);
}

export async function startSmtpIntake(ic: IntakeContext, o: SmtpIntakeOptions): Promise<SmtpIntake> {
  // Open sessions by client address: a set of ids, since a session may close before it was counted.
  const open = new Map<string, Set<string>>();
  const deadlines = new Map<string, NodeJS.Timeout>();
  const endSession = (id: string): void => {
    const connection = [...server.connections].find((c) => c.id === id);
    connection?.send(421, 'Session too long; closing');
    connection?.close();
  };
  const server = new SMTPServer({
    name: o.hostname,
    banner: 'o311 e-mail intake',
    size: ic.limits.maxMessageBytes,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    hideSTARTTLS: true,
    logger: false,
    maxClients: o.maxClients ?? 50,
    socketTimeout: o.socketTimeoutMs ?? 60_000,
    closeTimeout: 5_000,
    onConnect(session, callback) {
      const ids = open.get(session.remoteAddress) ?? new Set<string>();
      if (ids.size >= MAX_CONNECTIONS_PER_ADDRESS) return callback(smtpError(421, 'Too many connections from your address; try again later'));
      open.set(session.remoteAddress, ids.add(session.id));
      deadlines.set(session.id, setTimeout(() => endSession(session.id), o.maxSessionMs ?? MAX_SESSION_MS).unref());
      callback();
    },
    onClose(session) {
      clearTimeout(deadlines.get(session.id));
      deadlines.delete(session.id);
      const ids = open.get(session.remoteAddress);
      ids?.delete(session.id);
      if (ids?.size === 0) open.delete(session.remoteAddress);
    },
    onRcptTo(address, session, callback) {
      if (session.envelope.rcptTo.length >= MAX_RECIPIENTS) return callback(smtpError(452, 'Too many recipients'));
      if (!addressedTo(address.address, ic.addresses)) return callback(smtpError(550, 'No such mailbox here; this server relays nothing'));
      callback();
    },
    onData(stream, session, callback) {
      const mailFrom = session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address;
      read(stream, ic.limits.maxMessageBytes)
        .then(async (raw) => {
          if (!raw) return callback(smtpError(552, `Message too large: at most ${ic.limits.maxMessageBytes} bytes`));
          const result = await ingestMail(ic, raw, { mailFrom, rcptTo: session.envelope.rcptTo.map((r) => r.address) });
          o.onResult?.(result);
          if (result.verdict === 'refused') {
            return callback(smtpError(result.reason === 'too-large' ? 552 : 550, `Refused: ${result.reason}`));
          }
          callback(null, result.verdict === 'filed' ? `Queued as request ${result.requestId}` : 'Accepted');
        })
        .catch((e: unknown) => {
          o.onError?.(e);
          callback(smtpError(451, 'Temporary failure; please try again later'));
        });
    },
  });
  server.on('error', (e) => o.onError?.(e));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(o.port, o.host, () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
