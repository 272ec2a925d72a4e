import type { Command } from 'commander';
import type { AppContext } from '../context.js';
import {
  queueMissingDownloads,
  queueRebuild,
  runDownloadJobs,
} from '../features/datastore/index.js';

// `metrodata downloads build`: the whole-version downloads the servers build ahead, queued again
// where some are missing (a parked job, a lost file), or rebuilt for one resource.

type WithContext = <T>(fn: (ctx: AppContext) => Promise<T>) => Promise<T>;
type Print = (line: string) => void;

export function downloadsCommands(program: Command, withContext: WithContext, print: Print): void {
  const downloads = program
    .command('downloads')
    .description("each resource's whole latest version as csv, geojson and xlsx, built ahead");
  downloads
    .command('build')
    .description(
      'queue the build of every latest version missing a download (the servers build them), ' +
        'or rebuild one resource',
    )
    .option('--resource <id>', "forget this resource's built downloads and build them again")
    .option('--now', 'build them in this process and wait, rather than leave them to the servers')
    .action(async (opts: { resource?: string; now?: boolean }) => {
      await withContext(async (ctx) => {
        if (opts.resource) {
          const version = await queueRebuild(ctx, opts.resource);
          print(`Queued the downloads of version ${String(version)} of ${opts.resource}.`);
        } else {
          const missing = await queueMissingDownloads(ctx);
          print(`${String(missing)} latest version(s) lack downloads; their builds are queued.`);
        }
        if (opts.now) print(`Ran ${String(await runDownloadJobs(ctx))} download job(s).`);
      });
    });
}
