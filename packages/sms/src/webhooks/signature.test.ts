import { describe, expect, it } from 'vitest';
import { neutralSignature, neutralSigned, readNeutral } from './neutral.js';
import { readTwilio, twilioSignature, twilioSigned, twiml } from './twilio.js';

describe('Twilio webhook', () => {
  // Twilio's published example of X-Twilio-Signature (security documentation).
  const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
  const params = new URLSearchParams({ CallSid: 'CA1234567890ABCDE', Caller: '+14158675309', Digits: '1234', From: '+14158675309', To: '+18005551212' });

  it('signs the URL and the sorted parameters with HMAC-SHA1', () => {
    expect(twilioSignature('12345', url, params)).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
    expect(twilioSigned('12345', url, params, 'RSOYDt4T1cUTdK1PDd93/VVr8B8=')).toBe(true);
  });

  it('refuses a missing or wrong signature, another URL, token or parameter', () => {
    const good = twilioSignature('12345', url, params);
    expect(twilioSigned('12345', url, params, undefined)).toBe(false);
    expect(twilioSigned('12345', url, params, '')).toBe(false);
    expect(twilioSigned('12345', url, params, good.slice(0, -2))).toBe(false);
    expect(twilioSigned('12346', url, params, good)).toBe(false);
    expect(twilioSigned('12345', 'https://evil.example/myapp.php?foo=1&bar=2', params, good)).toBe(false);
    const changed = new URLSearchParams(params);
    changed.set('Digits', '1235');
    expect(twilioSigned('12345', url, changed, good)).toBe(false);
  });

  it('reads an inbound SMS and answers TwiML with escaped text', () => {
    const sms = readTwilio(new URLSearchParams({ MessageSid: 'SM1', From: '+34 600 000 001', To: '+15550100', Body: 'Hola' }));
    expect(sms).toEqual({ provider: 'twilio', messageId: 'SM1', from: '+34600000001', to: '+15550100', body: 'Hola' });
    expect(readTwilio(new URLSearchParams({ MessageSid: 'SM1', From: 'CityAlerts', Body: 'x' }))).toBe('bad-sender');
    expect(readTwilio(new URLSearchParams({ From: '+34600000001', Body: 'x' }))).toBe('bad-message-id');
    expect(twiml(['a <b> & c'])).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Message>a &lt;b&gt; &amp; c</Message></Response>');
    // A service name with a control character in it must not make the TwiML ill-formed.
    expect(twiml(['Pothole\u0007'])).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Message>Pothole</Message></Response>');
    expect(twiml([])).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
  });
});

describe('Neutral JSON webhook', () => {
  const body = JSON.stringify({ message_id: 'm-1', from: '+15550100001', to: '', body: 'Hello' });

  it('checks the HMAC-SHA256 of the raw body', () => {
    const sig = neutralSignature('a-long-enough-secret', body);
    expect(sig).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(neutralSigned('a-long-enough-secret', body, sig)).toBe(true);
    expect(neutralSigned('a-long-enough-secret', `${body} `, sig)).toBe(false);
    expect(neutralSigned('another-secret-value', body, sig)).toBe(false);
    expect(neutralSigned('a-long-enough-secret', body, undefined)).toBe(false);
  });

  it('reads only the object it documents', () => {
    expect(readNeutral(body)).toMatchObject({ provider: 'neutral', messageId: 'm-1', from: '+15550100001', body: 'Hello' });
    expect(readNeutral('not json')).toBe('bad-body');
    expect(readNeutral('[1]')).toBe('bad-body');
    expect(readNeutral('null')).toBe('bad-body');
    expect(readNeutral(JSON.stringify({ message_id: 'm', from: '+15550100001', body: 5 }))).toBe('bad-body');
    expect(readNeutral(JSON.stringify({ message_id: 'm'.repeat(65), from: '+15550100001', body: '' }))).toBe('bad-message-id');
  });
});
