/** Small checks on submitted text, shared by the input validators. */

/** Length in code points, as a person counts characters (an emoji is one, not two). */
export function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** Cheap bound first: a string never has more code points than UTF-16 units. */
export const isLongerThan = (s: string, max: number): boolean => s.length > max && codePointLength(s) > max;

export const hasLineBreak = (s: string): boolean => /[\r\n\u2028\u2029]/.test(s);

export const isEmail = (s: string): boolean => /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/.test(s);

export function isHttpUrl(s: string): boolean {
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}

/** A user-sent value quoted for an error description, cut short so errors stay readable. */
export function quote(s: string, max = 40): string {
  return `'${isLongerThan(s, max) ? `${Array.from(s).slice(0, max).join('')}…` : s}'`;
}
