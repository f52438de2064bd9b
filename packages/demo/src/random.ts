/**
 * A small seeded PRNG (sfc32, seeded through splitmix32) and the draws the
 * seeder needs. Same seed, same sequence, on every platform: the demo city is
 * reproducible byte for byte given `seed` and `now`.
 */

export class Random {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.#a = next();
    this.#b = next();
    this.#c = next();
    this.#d = next();
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.#a + this.#b) >>> 0) + this.#d) >>> 0;
    this.#d = (this.#d + 1) >>> 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) >>> 0;
    this.#c = ((this.#c << 21) | (this.#c >>> 11)) >>> 0;
    this.#c = (this.#c + t) >>> 0;
    return t / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Float in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new RangeError('pick from an empty list');
    return list[Math.floor(this.next() * list.length)] as T;
  }

  /** One item, each weighted by `weight(item)` (non-negative, not all zero). */
  weighted<T>(list: readonly T[], weight: (item: T) => number): T {
    let total = 0;
    for (const item of list) total += weight(item);
    let r = this.next() * total;
    for (const item of list) {
      r -= weight(item);
      if (r < 0) return item;
    }
    return list[list.length - 1] as T;
  }

  /** `count` distinct items, in the list's order. */
  sample<T>(list: readonly T[], count: number): T[] {
    const chosen = new Set<number>();
    const n = Math.min(count, list.length);
    while (chosen.size < n) chosen.add(Math.floor(this.next() * list.length));
    return [...chosen].sort((x, y) => x - y).map((i) => list[i] as T);
  }

  /** Standard normal draw (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median and spread (sigma of the underlying normal). */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Lower-case hexadecimal string of `length` digits. */
  hex(length: number): string {
    let s = '';
    while (s.length < length) s += Math.floor(this.next() * 0x10000).toString(16).padStart(4, '0');
    return s.slice(0, length);
  }
}
