import { pathToFileURL } from 'node:url';
import { buildCli } from './cli/program.js';

/** Runs the `metrodata` command line; exits non-zero with a clear message on failure. */
export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (err) {
    process.stderr.write(`metrodata: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runCli(process.argv);
}
