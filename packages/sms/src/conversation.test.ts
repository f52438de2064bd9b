import { describe, expect, it } from 'vitest';
import { converse, type ConversationState, type ConversationWorld, type SmsService, type Turn } from './conversation.js';
import type { SmsLocale } from './texts.js';

const POTHOLE: Record<SmsLocale, SmsService> = {
  en: { code: 'pothole', name: 'Pothole', words: ['POTHOLE', 'HOLE'], questions: [{ code: 'SIZE', datatype: 'singlevaluelist', text: 'How big?', values: [{ key: 'small', name: 'Small' }, { key: 'large', name: 'Large' }] }] },
  es: { code: 'pothole', name: 'Bache', words: ['BACHE', 'HOYO'], questions: [{ code: 'SIZE', datatype: 'singlevaluelist', text: 'Que tamano?', values: [{ key: 'small', name: 'Pequeno' }, { key: 'large', name: 'Grande' }] }] },
  fr: { code: 'pothole', name: 'Nid-de-poule', words: ['NID DE POULE'], questions: [{ code: 'SIZE', datatype: 'singlevaluelist', text: 'Taille ?', values: [{ key: 'small', name: 'Petit' }, { key: 'large', name: 'Grand' }] }] },
};
const LIGHT: SmsService = { code: 'light', name: 'Streetlight', words: ['STREETLIGHT', 'LAMP'], questions: [] };

const world: ConversationWorld = {
  services: async (locale) => [POTHOLE[locale], LIGHT],
  locate: async (text) => (/main st/i.test(text) ? { label: '200 Main St', lat: 41.5, long: -93.6 } : /down/i.test(text) ? 'unavailable' : 'not-found'),
};

/** Plays the messages one after the other, as the receiver would. */
async function play(locale: SmsLocale, ...messages: string[]): Promise<Turn[]> {
  const turns: Turn[] = [];
  let current: { locale: SmsLocale; state: ConversationState | undefined } = { locale, state: undefined };
  for (const text of messages) {
    const turn = await converse(current, text, world);
    turns.push(turn);
    current = { locale: turn.locale, state: turn.state ?? undefined };
  }
  return turns;
}

describe('SMS conversation', () => {
  it('goes from a first message naming the service to a report to file, in Spanish', async () => {
    const turns = await play('es', 'Hola, hay un bache', '200 Main St', 'Un bache muy hondo', '2', 'SI');
    expect(turns.map((t) => t.replies[0])).toEqual([
      'Bache. Donde esta? Envie una direccion o comparta su ubicacion.',
      'Describa el problema en pocas palabras.',
      'Que tamano? Responda con un numero:\n1 Pequeno\n2 Grande',
      'Bache en 200 Main St: "Un bache muy hondo". Responda SI para enviarlo y recibir avisos por SMS, ENVIAR para enviarlo sin avisos, o CANCEL.',
      undefined,
    ]);
    expect(turns.at(-1)?.file).toEqual({
      follow: true,
      filed: { step: 'confirm', service: 'pothole', place: { label: '200 Main St', lat: 41.5, long: -93.6 }, description: 'Un bache muy hondo', answers: { SIZE: ['large'] } },
    });
    expect(turns.at(-1)?.state).toBeNull();
  });

  it('lists the services when the first message names none, and takes a number or a name', async () => {
    const [first, wrong, chosen] = await play('en', 'Hello', '9', 'lamp');
    expect(first?.replies).toEqual(['Hello! What do you want to report? Reply with a number:\n1 Pothole\n2 Streetlight']);
    expect(wrong?.replies[0]).toMatch(/^Please reply with a number from 1 to 2/);
    expect(wrong?.state).toEqual(first?.state);
    expect(chosen?.state).toMatchObject({ step: 'location', service: 'light' });
  });

  it('takes a shared location, and asks again for an address it cannot find', async () => {
    const turns = await play('en', 'pothole', 'somewhere nice', 'geo:41.59,-93.61', 'Deep', 'two', '2', 'send');
    expect(turns[1]?.replies).toEqual(['We could not find that place. Send a street address (e.g. 200 Main St) or share your location.']);
    expect(turns[2]?.state?.place).toEqual({ label: '41.59000, -93.61000', lat: 41.59, long: -93.61 });
    expect(turns[4]?.replies[0]).toMatch(/^Sorry, we did not understand\. How big\?/);
    expect(turns[6]?.file?.follow).toBe(false);
    const [, down] = await play('en', 'pothole', 'down the road');
    expect(down?.replies).toEqual(['We cannot look up addresses right now. Please share your location instead.']);
  });

  it('answers HELP without losing the step, and CANCEL ends the conversation', async () => {
    const [, help, cancel] = await play('en', 'pothole', 'help', 'cancel');
    expect(help?.replies[0]).toMatch(/^City problem reports by SMS/);
    expect(help?.state).toMatchObject({ step: 'location' });
    expect(cancel).toMatchObject({ state: null, replies: ['Report cancelled. Send a message any time to start a new one.'] });
  });

  it('changes language on LANG and asks the current question again in it', async () => {
    const [, lang] = await play('en', 'pothole', 'LANG FR');
    expect(lang?.locale).toBe('fr');
    expect(lang?.replies).toEqual(['D\'accord, nous vous écrirons en français.', 'Nid-de-poule. Où est-ce ? Envoyez une adresse ou partagez votre position.']);
  });

  it('takes "no" as an answer before the confirmation, and as a cancel at it', async () => {
    const noWorld: ConversationWorld = {
      ...world,
      services: async () => [{ ...LIGHT, questions: [{ code: 'SAFE', datatype: 'singlevaluelist', text: 'Safe?', values: [{ key: 'y', name: 'Yes' }, { key: 'n', name: 'No' }] }] }],
    };
    let current: { locale: SmsLocale; state: ConversationState | undefined } = { locale: 'en', state: undefined };
    for (const text of ['lamp', '200 Main St', 'Dark']) {
      const turn = await converse(current, text, noWorld);
      current = { locale: turn.locale, state: turn.state ?? undefined };
    }
    const answered = await converse(current, 'No', noWorld);
    expect(answered.state).toMatchObject({ step: 'confirm', answers: { SAFE: ['n'] } });
    expect(await converse({ locale: 'en', state: answered.state ?? undefined }, 'no', noWorld)).toMatchObject({ state: null, replies: ['Report cancelled. Send a message any time to start a new one.'] });
  });

  it('asks again at the confirmation until YES, SEND or CANCEL', async () => {
    const turns = await play('en', 'lamp', '200 Main St', 'Dark', 'maybe');
    expect(turns[2]?.state?.step).toBe('confirm');
    expect(turns[3]?.replies).toEqual(['Reply YES to send it with updates by SMS, SEND to send it without, or CANCEL.']);
    expect(turns[3]?.file).toBeUndefined();
    // YES before the confirmation files nothing.
    const [, early] = await play('en', 'lamp', 'yes');
    expect(early?.file).toBeUndefined();
  });

  it('answers unreadable messages without moving on', async () => {
    const [, garbage] = await play('en', 'pothole', '\ufffd\ufffd');
    expect(garbage?.replies).toEqual(['Sorry, we could not read that message. Please send plain text.']);
    expect(garbage?.state).toMatchObject({ step: 'location' });
  });

  it('says so when no service is offered', async () => {
    const turn = await converse({ locale: 'en', state: undefined }, 'hi', { ...world, services: async () => [] });
    expect(turn).toEqual({ locale: 'en', state: null, replies: ['Sorry, reports by SMS are not available right now.'] });
  });
});
