// The demo data must be byte-for-byte the same on every run and every machine, so it draws from
// a small seeded generator instead of Math.random.

/** FNV-1a: turns a name into a 32-bit seed, so each file has its own independent stream. */
export function seedOf(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: tiny, fast and good enough for plausible-looking synthetic numbers. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  between(min: number, max: number): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  /** Roughly normal (sum of uniforms), mean 0 and standard deviation 1. */
  normal(): number;
  /** Poisson-like count around `mean` (normal approximation, never negative). */
  count(mean: number): number;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight; `weights` parallels `items`. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** Picks a row of a table by the weight `weightOf` reads from it (one of its columns). */
  weightedBy<T>(rows: readonly T[], weightOf: (row: T) => number): T;
  chance(p: number): boolean;
}

export function rngFor(name: string): Rng {
  const next = mulberry32(seedOf(name));
  const rng: Rng = {
    next,
    between: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    normal: () => {
      let s = 0;
      for (let i = 0; i < 6; i++) s += next();
      return (s - 3) * Math.SQRT2;
    },
    count: (mean) => Math.max(0, Math.round(mean + Math.sqrt(Math.max(mean, 0)) * rng.normal())),
    pick: (items) => itemAt(items, Math.floor(next() * items.length)),
    weighted: (items, weights) => {
      const total = weights.reduce((a, b) => a + b, 0);
      let r = next() * total;
      for (let i = 0; i < items.length; i++) {
        r -= weights[i] ?? 0;
        if (r < 0) return itemAt(items, i);
      }
      return itemAt(items, items.length - 1);
    },
    weightedBy: (rows, weightOf) => rng.weighted(rows, rows.map(weightOf)),
    chance: (p) => next() < p,
  };
  return rng;
}

/** Index into an array that must have the item (noUncheckedIndexedAccess without `!`). */
export function itemAt<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`No item at ${index} of ${items.length}`);
  return item;
}
