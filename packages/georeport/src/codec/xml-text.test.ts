import { describe, it, expect } from 'vitest';
import { escapeXmlText } from './xml-text.js';

describe('escapeXmlText', () => {
  it('leaves plain text alone (same string)', () => {
    const s = 'Pothole on 5th Ave — 30 cm wide 🕳️, Köln\tline\nnext';
    expect(escapeXmlText(s)).toBe(s);
  });

  it('escapes the five markup characters', () => {
    expect(escapeXmlText(`a & b < c > d "e" 'f'`)).toBe('a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;');
    expect(escapeXmlText(']]>')).toBe(']]&gt;');
  });

  it('writes CR as a character reference so parsers keep it', () => {
    expect(escapeXmlText('a\r\nb')).toBe('a&#13;\nb');
  });

  it('drops characters XML 1.0 forbids', () => {
    expect(escapeXmlText('a\u0000b\u0008c\u000Bd\u000Ce\u001Ff\uFFFEg\uFFFFh')).toBe('abcdefgh');
    expect(escapeXmlText('lone \uD800 high, lone \uDC00 low, pair \uD83D\uDE00')).toBe('lone  high, lone  low, pair \uD83D\uDE00');
    expect(escapeXmlText('end\uD83D')).toBe('end');
  });

  it('keeps legal but unusual characters (C1 controls, U+2028, private use)', () => {
    const s = '\u0085\u009F\u2028\uE000\uFFFD\u{10FFFF}';
    expect(escapeXmlText(s)).toBe(s);
  });
});
