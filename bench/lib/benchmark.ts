/** One benchmark `npm run bench` can run; each lives in its own `bench/<name>.bench.ts`. */
export interface Benchmark {
  /** Short name, matched by the filter in `npm run bench -- <filter>`. */
  name: string;
  description: string;
  /** Runs the benchmark, prints its tables and returns one-line results for the summary. */
  run(): Promise<string[]>;
}
