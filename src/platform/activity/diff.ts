export type Diff = Record<string, { from: unknown; to: unknown }>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields whose values differ between two snapshots, as {field: {from, to}}. */
export function diffOf(before: Record<string, unknown>, after: Record<string, unknown>): Diff {
  const out: Diff = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const from = before[key] ?? null;
    const to = after[key] ?? null;
    if (!same(from, to)) out[key] = { from, to };
  }
  return out;
}
