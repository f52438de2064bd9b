import { describe, expect, it } from 'vitest';
import { sniffMediaType } from './media-type.js';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('sniffMediaType', () => {
  it('recognises the five accepted image types by their bytes', () => {
    expect(sniffMediaType(bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'))).toBe('image/jpeg');
    expect(sniffMediaType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a], 'rest'))).toBe('image/png');
    expect(sniffMediaType(bytes('GIF89a', [1, 0]))).toBe('image/gif');
    expect(sniffMediaType(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toBe('image/webp');
    expect(sniffMediaType(bytes([0, 0, 0, 24], 'ftypheic', [0, 0]))).toBe('image/heic');
  });

  it('rejects anything else, including look-alike text and short files', () => {
    expect(sniffMediaType(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
    expect(sniffMediaType(bytes('%PDF-1.7'))).toBeUndefined();
    expect(sniffMediaType(bytes([0, 0, 0, 24], 'ftypisom'))).toBeUndefined();
    expect(sniffMediaType(new Uint8Array())).toBeUndefined();
    expect(sniffMediaType(bytes([0xff, 0xd8]))).toBeUndefined();
  });
});
