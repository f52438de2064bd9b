/** Length in code points, as a person counts characters (an emoji is one, not two). */
export const codePointLength = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};
