/**
 * The city's intake addresses. Mail is accepted only for these (never relayed
 * elsewhere); `local+TOKEN@domain` is the same mailbox, the token naming the
 * request a reply belongs to (the Reply-To of every mail we send about it).
 */

export interface IntakeAddress {
  /** Lower case, as `local@domain`. */
  address: string;
  jurisdiction_id: string;
}

export interface AddressedTo {
  intake: IntakeAddress;
  /** The plus part, when any. */
  token: string | undefined;
}

const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

function split(address: string): { local: string; domain: string } | undefined {
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return undefined;
  return { local: address.slice(0, at).toLowerCase(), domain: address.slice(at + 1).toLowerCase() };
}

/** Parses `ADDRESS=JURISDICTION` (or a bare ADDRESS for `fallbackJurisdiction`); undefined when it is no address. */
export function parseIntakeAddress(spec: string, fallbackJurisdiction: string): IntakeAddress | undefined {
  const [address = '', jurisdiction] = spec.split('=', 2);
  const parts = split(address.trim());
  if (!parts || parts.local.includes('+') || !/^[^\s@]+$/.test(parts.local) || !/^[a-z0-9.-]+\.[a-z]{2,}$/.test(parts.domain)) return undefined;
  return { address: `${parts.local}@${parts.domain}`, jurisdiction_id: jurisdiction?.trim() || fallbackJurisdiction };
}

/** Which intake address a recipient names, with its token; undefined for any other mailbox. */
export function addressedTo(recipient: string, intakes: readonly IntakeAddress[]): AddressedTo | undefined {
  const parts = split(recipient.trim());
  if (!parts) return undefined;
  const plus = parts.local.indexOf('+');
  const local = plus < 0 ? parts.local : parts.local.slice(0, plus);
  const intake = intakes.find((i) => i.address === `${local}@${parts.domain}`);
  if (!intake) return undefined;
  // The token's case matters; take it from the recipient as written.
  const written = recipient.trim().slice(0, recipient.trim().lastIndexOf('@'));
  const token = plus < 0 ? undefined : written.slice(plus + 1);
  return { intake, token: token !== undefined && TOKEN.test(token) ? token : undefined };
}

/** The address a reporter replies to about one request. */
export function replyAddress(intake: IntakeAddress, token: string): string {
  const [local, domain] = intake.address.split('@') as [string, string];
  return `${local}+${token}@${domain}`;
}
