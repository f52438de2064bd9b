import { describe, expect, it } from 'vitest';
import { addressedTo, parseIntakeAddress, replyAddress } from './addresses.js';

const intake = parseIntakeAddress('Report@Riverton.example', 'riverton')!;

describe('intake addresses', () => {
  it('parses ADDRESS[=JURISDICTION] and refuses what is no address', () => {
    expect(intake).toEqual({ address: 'report@riverton.example', jurisdiction_id: 'riverton' });
    expect(parseIntakeAddress('a@b.example=other', 'riverton')).toEqual({ address: 'a@b.example', jurisdiction_id: 'other' });
    expect(parseIntakeAddress('no-at-sign', 'riverton')).toBeUndefined();
    expect(parseIntakeAddress('a+b@b.example', 'riverton')).toBeUndefined();
  });

  it('accepts the intake mailbox with or without a token, and nothing else', () => {
    const token = 'AbC_def-0123456789xyz';
    expect(addressedTo('REPORT@riverton.example', [intake])).toEqual({ intake, token: undefined });
    expect(addressedTo(replyAddress(intake, token), [intake])).toEqual({ intake, token });
    expect(addressedTo('report+short@riverton.example', [intake])).toEqual({ intake, token: undefined });
    expect(addressedTo('someone@elsewhere.example', [intake])).toBeUndefined();
    expect(addressedTo('report@riverton.example.evil', [intake])).toBeUndefined();
  });
});
