/** Element text for XML 1.0: markup characters escaped, characters XML 1.0 forbids dropped. */

// Anything that is not plain text: markup, CR (escaped so parsers keep it), C0 controls,
// surrogates (paired ones are fine, lone ones are dropped) and the non-characters FFFE/FFFF.
const NEEDS_WORK = /[&<>"'\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

function replacementFor(c: number): string | undefined {
  switch (c) {
    case 0x26: return '&amp;';
    case 0x3c: return '&lt;';
    case 0x3e: return '&gt;';
    case 0x22: return '&quot;';
    case 0x27: return '&apos;';
    // A raw CR would come back as LF: parsers normalise line ends.
    case 0x0d: return '&#13;';
    case 0x09:
    case 0x0a: return undefined;
    default:
      return c < 0x20 || c === 0xfffe || c === 0xffff || isLowSurrogate(c) ? '' : undefined;
  }
}

export function escapeXmlText(s: string): string {
  if (!NEEDS_WORK.test(s)) return s;
  let out = '';
  let done = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let replacement: string | undefined;
    if (isHighSurrogate(c)) {
      if (isLowSurrogate(s.charCodeAt(i + 1))) {
        i++;
        continue;
      }
      replacement = '';
    } else {
      replacement = replacementFor(c);
      if (replacement === undefined) continue;
    }
    out += s.slice(done, i) + replacement;
    done = i + 1;
  }
  return out + s.slice(done);
}
