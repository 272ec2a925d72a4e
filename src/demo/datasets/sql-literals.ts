import { sqlString } from '../../platform/engine/sql.js';

// Helpers for generating demo data as DuckDB SQL text (constants only, never user input; text
// is quoted by the engine's one sqlString).

/** A DOUBLE literal: DuckDB reads 53.584 as a DECIMAL, whose arithmetic is several times slower. */
export const dbl = (x: number): string => `${x}::DOUBLE`;

/** A constant list of text or DOUBLE values. */
export const list = (items: readonly (string | number)[]): string =>
  `[${items.map((x) => (typeof x === 'string' ? sqlString(x) : dbl(x))).join(', ')}]`;

/**
 * A 64-bit hash of row `i`, stream k (k < 128): the source of every random value. DuckDB's hash
 * of an integer is integer arithmetic, so it is the same on every machine (for one DuckDB version).
 */
export const hashOf = (k: number): string => `hash(i * 128 + ${k})`;

/** A uniform value in [0, 1) from stream k, exactly (53 bits of the hash, scaled by 2^-53). */
export const uniform = (k: number): string => `(${hashOf(k)} >> 11)::DOUBLE * ${dbl(2 ** -53)}`;

/** An item of a constant SQL list, picked by a uniform value. */
export const pickFrom = (items: string, u: string): string =>
  `${items}[1 + floor(${u} * len(${items}))::BIGINT]`;

/** CASE mapping a uniform value to an index, in proportion to the weights. */
export function weightedIndex(weights: readonly number[], u: string): string {
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  const whens = weights.slice(0, -1).map((w, i) => {
    sum += w;
    return `WHEN ${u} < ${dbl(sum / total)} THEN ${i}`;
  });
  return `CASE ${whens.join(' ')} ELSE ${weights.length - 1} END`;
}
