/** One benchmark `npm run bench` can run; each lives in its own `bench/<name>.bench.ts`. */
export interface Benchmark {
  /** Short name, matched by the filter in `npm run bench -- <filter>`. */
  name: string;
  description: string;
  /** Runs the benchmark, prints its tables and returns one-line results for the summary. */
  run(): Promise<string[]>;
}

/** A whole number >= 1 from the environment (to shrink a run while working on it), or `fallback`. */
export function setting(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${name} must be a whole number >= 1`);
  return n;
}

/** A line of progress on standard error, prefixed with the benchmark's name. */
export const progress = (name: string) => (line: string) => {
  process.stderr.write(`[${name}] ${line}\n`);
};
