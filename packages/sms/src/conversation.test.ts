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
  locate: async (text) =>
    /main st/i.test(text) ? [{ label: '200 Main St', lat: 41.5, long: -93.6 }]
      : /elm st/i.test(text) ? [{ label: '5 Elm St (north)', lat: 41.6, long: -93.6 }, { label: '5 Elm St (south)', lat: 41.4, long: -93.6 }]
        : /rue de rivoli/i.test(text) ? [{ label: 'Rue de Rivoli, Paris', lat: 48.86, long: 2.35 }]
          : /down/i.test(text) ? 'unavailable' : 'not-found',
  inside: async ({ lat, long }) => lat > 41 && lat < 42 && long > -94 && long < -93,
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
      'Bache. ¿Donde esta? Envie una direccion o comparta su ubicacion.',
      'Describa el problema en pocas palabras. Su descripcion sera publica: no incluya nombres, telefonos ni otros datos personales.',
      'Que tamano? Responda con un numero:\n1 Pequeno\n2 Grande',
      'Bache en 200 Main St: "Un bache muy hondo". Responda SI para enviarlo y recibir avisos por SMS, ENVIAR para enviarlo sin avisos, o REINICIAR para empezar de nuevo.',
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

  it('answers HELP without losing the step, and RESTART (not CANCEL, an opt-out word) ends the conversation', async () => {
    const [, help, cancel] = await play('en', 'pothole', 'help', 'restart');
    expect(help?.replies[0]).toContain('RESTART starts over');
    expect(help?.replies[0]).not.toContain('CANCEL');
    expect(help?.replies[0]).toMatch(/^City problem reports by SMS/);
    expect(help?.state).toMatchObject({ step: 'location' });
    expect(cancel).toMatchObject({ state: null, replies: ['Report cancelled. Send a message any time to start a new one.'] });
  });

  it('changes language on LANG and asks the current question again in it', async () => {
    const [, lang] = await play('en', 'pothole', 'LANG FR');
    expect(lang?.locale).toBe('fr');
    expect(lang?.replies).toEqual(['D\'accord, nous vous écrirons en francais.', 'Nid-de-poule. Où est-ce ? Envoyez une adresse ou partagez votre position.']);
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

  it('asks again at the confirmation until YES, SEND or RESTART', async () => {
    const turns = await play('en', 'lamp', '200 Main St', 'Dark', 'maybe');
    expect(turns[2]?.state?.step).toBe('confirm');
    expect(turns[3]?.replies).toEqual(['Reply YES to send it with updates by SMS, SEND to send it without, or RESTART to start over.']);
    expect(turns[3]?.file).toBeUndefined();
    // YES before the confirmation files nothing.
    const [, early] = await play('en', 'lamp', 'yes');
    expect(early?.file).toBeUndefined();
  });

  it('asks which place when an address has several matches, and takes a number or another address', async () => {
    const [, which, chosen] = await play('en', 'pothole', '5 Elm St', '2');
    expect(which?.replies).toEqual(['We found several places. Reply with a number:\n1 5 Elm St (north)\n2 5 Elm St (south)']);
    expect(which?.state?.step).toBe('place');
    expect(chosen?.state).toMatchObject({ step: 'description', place: { label: '5 Elm St (south)', lat: 41.4 } });
    const twins: ConversationWorld = { ...world, locate: async () => [{ label: '200 Main St', lat: 41.5, long: -93.6 }, { label: '200 Main St', lat: 41.5, long: -93.7 }] };
    const twin = await converse({ locale: 'en', state: undefined }, 'pothole', twins);
    const asked = await converse({ locale: 'en', state: twin.state ?? undefined }, '200 Main St', twins);
    expect(asked.replies).toEqual(['We found several places. Reply with a number:\n1 200 Main St (41.50000, -93.60000)\n2 200 Main St (41.50000, -93.70000)']);
    const [, , other] = await play('en', 'pothole', '5 Elm St', '200 Main St');
    expect(other?.state).toMatchObject({ step: 'description', place: { label: '200 Main St' } });
  });

  it('refuses a place outside the area served (a typo, a phone without a fix) and asks again', async () => {
    const outside = 'That place is outside the area we serve. Send a street address here, or share your location.';
    for (const where of ['0,0', '48.8566,2.3522', 'Rue de Rivoli']) {
      const [, turn] = await play('en', 'pothole', where);
      expect(turn?.replies).toEqual([outside]);
      expect(turn?.state?.step).toBe('location');
    }
  });

  it('says before the description that it will be public', async () => {
    for (const locale of ['en', 'es', 'fr'] as const) {
      const [, where] = await play(locale, locale === 'en' ? 'pothole' : locale === 'es' ? 'bache' : 'nid de poule', '200 Main St');
      expect(where?.state?.step).toBe('description');
      expect(where?.replies[0]).toMatch(/public|publica|publique/);
    }
  });

  it('after filing, answers a stray YES with the report number in the reporter\'s language, and starts anew on anything else', async () => {
    const filed: ConversationState = { step: 'filed', filed: '6001', answers: {} };
    const again = await converse({ locale: 'es', state: filed }, 'Si', world);
    expect(again).toMatchObject({ locale: 'es', state: filed, replies: ['Su reporte 6001 fue enviado. Envie un mensaje para reportar otra cosa.'] });
    expect(again.file).toBeUndefined();
    const next = await converse({ locale: 'es', state: filed }, 'hay un bache', world);
    expect(next).toMatchObject({ locale: 'es', state: { step: 'location', service: 'pothole' } });
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
