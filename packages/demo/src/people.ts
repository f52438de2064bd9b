/** Made-up reporters: about half of 311 reports are anonymous; the rest leave some contact data. */
import type { Reporter } from '@o311/store';
import type { Random } from './random.js';

const FIRST = [
  'Maria', 'James', 'Linda', 'Robert', 'Patricia', 'Michael', 'Jennifer', 'David', 'Elizabeth', 'William',
  'Barbara', 'Carlos', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Daniel', 'Karen', 'Ahmed',
  'Nancy', 'Anthony', 'Lisa', 'Mark', 'Betty', 'Luis', 'Sandra', 'Kevin', 'Ashley', 'Brian', 'Mei',
  'Emily', 'Jason', 'Michelle', 'Ryan', 'Amanda', 'Kwame', 'Melissa', 'Eric', 'Deborah', 'Priya', 'Olga',
] as const;
const LAST = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee',
  'Nguyen', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen',
  'Schmidt', 'Olson', 'Nelson', 'Petersen', 'Larson', 'Hansen', 'Mensah', 'Patel', 'Kowalski', 'Chen',
] as const;
const MAIL_DOMAINS = ['example.com', 'example.org', 'example.net'] as const;

const ANONYMOUS: Reporter = Object.freeze({
  email: null, first_name: null, last_name: null, phone: null, device_id: null, account_id: null,
});

export function makeReporter(rng: Random): Reporter {
  const viaApp = rng.chance(0.35);
  if (rng.chance(0.5)) {
    return viaApp ? { ...ANONYMOUS, device_id: uuid(rng) } : ANONYMOUS;
  }
  const first = rng.pick(FIRST);
  const last = rng.pick(LAST);
  const hasEmail = rng.chance(0.8);
  const mailbox = rng.pick([
    `${first}.${last}`, `${first[0]}${last}`, `${first}${last[0]}${rng.int(1, 99)}`, `${last}${rng.int(60, 99)}`,
  ]).toLowerCase();
  return {
    email: hasEmail ? `${mailbox}@${rng.pick(MAIL_DOMAINS)}` : null,
    first_name: first,
    last_name: last,
    // 555-0100 … 555-0199 are reserved for fiction.
    phone: rng.chance(0.45) ? `515-555-01${String(rng.int(0, 99)).padStart(2, '0')}` : null,
    device_id: viaApp ? uuid(rng) : null,
    account_id: viaApp && rng.chance(0.4) ? `acct-${rng.hex(10)}` : null,
  };
}

function uuid(rng: Random): string {
  const h = rng.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}
