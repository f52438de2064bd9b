/**
 * Which service a message is about, from the words of its subject and body
 * against each active service's name, keywords and description (and their
 * translations). The subject counts more than the body, the name and keywords
 * more than the description. No match or a tie: none, and the request goes
 * to triage. A match may ask questions a mail cannot answer
 * (`fileableByMail`): the caller then files in triage with a suggestion.
 */
import type { ServiceRecord } from '@o311/store';

const words = (text: string): Set<string> =>
  new Set(
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 3),
  );

/** Words of a service worth matching: its name and keywords strongly, its description weakly. */
function serviceWords(s: ServiceRecord): { strong: Set<string>; weak: Set<string> } {
  const translations = Object.values(s.translations);
  const strong = words([s.service_name, s.keywords ?? '', ...translations.map((t) => `${t.service_name ?? ''} ${t.keywords ?? ''}`)].join(' '));
  const weak = words([s.description ?? '', ...translations.map((t) => t.description ?? '')].join(' '));
  return { strong, weak };
}

/** Whether a mail can be filed in the service: it asks no required question (never invent a citizen's answer). */
export const fileableByMail = (s: ServiceRecord): boolean => s.active && s.attributes.every((a) => !a.required || !a.variable);

export function classify(subject: string, body: string, services: readonly ServiceRecord[]): ServiceRecord | undefined {
  const inSubject = words(subject);
  const inBody = words(body);
  let best: { service: ServiceRecord; score: number } | undefined;
  let tie = false;
  for (const service of services.filter((s) => s.active)) {
    const { strong, weak } = serviceWords(service);
    let score = 0;
    for (const w of strong) score += (inSubject.has(w) ? 3 : 0) + (inBody.has(w) ? 1 : 0);
    for (const w of weak) score += inSubject.has(w) ? 1 : 0;
    if (score === 0) continue;
    if (!best || score > best.score) {
      best = { service, score };
      tie = false;
    } else if (score === best.score) tie = true;
  }
  return best && !tie ? best.service : undefined;
}
