import { describe, expect, it } from 'vitest';
import type { Store } from '@o311/store';
import { checkSmsOptions, smsServeOptions, smsText } from './sms-options.js';

/** Only what the SMS options use of a store: a setting claimed once, one jurisdiction. */
function settingsStore(): Store {
  const settings = new Map<string, string>();
  return {
    getJurisdiction: async (id: string) => (id === 'riverton.example' ? { id } : undefined),
    claimSetting: async (name: string, value: string) => {
      if (!settings.has(name)) settings.set(name, value);
      return settings.get(name)!;
    },
  } as unknown as Store;
}

const base = { demo: false, web: true, allowPrivateEndpoints: false };

describe('serve --sms-*', () => {
  it('is off unless a provider is named or the demo runs', async () => {
    expect(await smsServeOptions(base, {}, settingsStore())).toBeUndefined();
  });

  it('gives a demo the simulator, the neutral webhook and one secret kept for every worker', async () => {
    const store = settingsStore();
    const first = await smsServeOptions({ ...base, demo: true }, {}, store);
    const again = await smsServeOptions({ ...base, demo: true }, {}, store);
    expect(first).toMatchObject({ provider: 'neutral', simulator: true });
    expect(first?.secret.length).toBeGreaterThanOrEqual(16);
    expect(again?.secret).toBe(first?.secret);
    expect(first?.sender.name).toBe('log');
    expect(smsText(first, 'http://x')).toBe('http://x/channels/sms/simulator (simulator); webhook http://x/channels/sms/inbound (JSON signed with X-O311-Signature); texts kept in the database, not sent');
    expect(await smsServeOptions({ ...base, demo: true, smsSimulator: false }, {}, store)).toBeUndefined();
  });

  it('sends through Twilio with an account, from the environment too', async () => {
    const env = { O311_SMS_PROVIDER: 'twilio', O311_SMS_SECRET: 'twilio-auth-token-0123456789', TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`, O311_SMS_FROM: '+15550100000' };
    const sms = await smsServeOptions(base, env, settingsStore());
    expect(sms).toMatchObject({ provider: 'twilio', simulator: false, from: '+15550100000' });
    expect(sms?.sender.name).toBe('twilio');
  });

  it('keeps the simulator off with a real provider, even with --demo, unless asked for', async () => {
    const real = { ...base, demo: true, smsProvider: 'twilio', smsSecret: 'x'.repeat(16) };
    expect(await smsServeOptions(real, {}, settingsStore())).toMatchObject({ provider: 'twilio', simulator: false });
    expect(await smsServeOptions({ ...real, smsProvider: 'neutral' }, {}, settingsStore())).toMatchObject({ simulator: false });
    expect(await smsServeOptions({ ...real, smsSimulator: true }, {}, settingsStore())).toMatchObject({ simulator: true });
  });

  it('refuses a short secret or an unknown provider from the options alone, before anything slow', async () => {
    const sms = await import('@o311/sms');
    expect(() => checkSmsOptions({ smsProvider: 'neutral', smsSecret: 's3cret' }, {}, sms)).toThrow(/at least 16 characters/);
    expect(() => checkSmsOptions({}, { O311_SMS_SECRET: 'short' }, sms)).toThrow(/at least 16 characters/);
    expect(() => checkSmsOptions({ smsProvider: 'neutral' }, {}, sms)).toThrow(/at least 16 characters/);
    expect(() => checkSmsOptions({ smsProvider: 'pigeon' }, {}, sms)).toThrow(/choose one of twilio, neutral/);
    expect(() => checkSmsOptions({ smsProvider: 'neutral', smsSecret: 'x'.repeat(16) }, {}, sms)).not.toThrow();
    expect(() => checkSmsOptions({}, {}, sms)).not.toThrow();
  });

  it('takes the city\'s numbers, each with its jurisdiction', async () => {
    const sms = await smsServeOptions({ ...base, smsProvider: 'neutral', smsSecret: 'x'.repeat(16), smsNumber: ['+1 555 010 0000', '+15550100001=riverton.example'] }, {}, settingsStore());
    expect([...(sms?.numbers ?? [])]).toEqual([['+15550100000', undefined], ['+15550100001', 'riverton.example']]);
    await expect(smsServeOptions({ ...base, smsProvider: 'neutral', smsSecret: 'x'.repeat(16), smsNumber: ['555'] }, {}, settingsStore())).rejects.toThrow(/not an international number/);
    await expect(smsServeOptions({ ...base, smsProvider: 'neutral', smsSecret: 'x'.repeat(16), smsNumber: ['+15550100001=nowhere'] }, {}, settingsStore())).rejects.toThrow(/no jurisdiction nowhere/);
  });

  it('refuses what cannot work, with the option to fix', async () => {
    const store = settingsStore();
    await expect(smsServeOptions({ ...base, smsProvider: 'carrier-pigeon' }, {}, store)).rejects.toThrow(/choose one of twilio, neutral/);
    await expect(smsServeOptions({ ...base, smsProvider: 'twilio' }, {}, store)).rejects.toThrow(/at least 16 characters/);
    await expect(smsServeOptions({ ...base, smsProvider: 'neutral', smsSecret: 'short' }, {}, store)).rejects.toThrow(/at least 16 characters/);
    await expect(smsServeOptions({ ...base, web: false, smsProvider: 'neutral' }, {}, store)).rejects.toThrow(/--no-web/);
    await expect(smsServeOptions({ ...base, smsProvider: 'neutral', smsSecret: 'x'.repeat(16), twilioAccountSid: `AC${'0'.repeat(32)}` }, {}, store)).rejects.toThrow(/--sms-provider twilio and --sms-from/);
    await expect(smsServeOptions({ ...base, smsProvider: 'twilio', smsSecret: 'x'.repeat(16), twilioAccountSid: 'nope', smsFrom: '+1555' }, {}, store)).rejects.toThrow(/account SID/);
  });
});
