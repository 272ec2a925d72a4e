import { type Command, InvalidArgumentError, Option } from 'commander';
import type { AppContext } from '../context.js';
import { operatorActor } from '../features/accounts/index.js';
import {
  createSource,
  FAILING_RUNS,
  refuseDisabled,
  runHarvest,
  runsOf,
  runWithItems,
  SOURCE_TYPES,
  sourceFor,
  sourcesFor,
} from '../features/harvest/index.js';
import { allOrganisations } from '../features/organisations/index.js';
import { harvestAdminCommands } from './harvest-admin.js';

// `metrodata harvest add|list|run|jobs` (and enable|disable|remove, harvest-admin.ts): harvest sources managed from a terminal, acting as a
// user (--as, or the only site administrator) so the same policy applies as through the API.

type WithContext = <T>(fn: (ctx: AppContext) => Promise<T>) => Promise<T>;
type Print = (line: string) => void;

const PAGE = 500;
/** Failed items listed after a run; the rest are in the run's log (API or `harvest jobs`). */
const FAILED_SHOWN = 20;

function wholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('must be a whole number');
  return n;
}

/** Rows as columns padded to their widest cell, the first row a header. */
export function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => r[i]?.length ?? 0))) ?? [];
  return rows.map((r) =>
    r
      .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

interface RunCounts {
  created: number;
  updated: number;
  unchanged: number;
  withdrawn: number;
  failed: number;
}

const counts = (r: RunCounts) =>
  `created ${r.created}, updated ${r.updated}, unchanged ${r.unchanged}, ` +
  `withdrawn ${r.withdrawn}, failed ${r.failed}`;

interface AddOptions {
  organisation: string;
  title: string;
  type: (typeof SOURCE_TYPES)[number];
  url: string;
  interval?: number;
  cron?: string;
  filterOrganisation?: string;
  filterTag?: string;
  query?: string;
  defaultLicence?: string;
  loadData?: boolean;
  as?: string;
}

/** Declares `harvest` and its subcommands on the program (they inherit its error handling). */
export function harvestCommands(program: Command, withContext: WithContext, print: Print): void {
  const harvest = program
    .command('harvest')
    .description("harvest other portals' catalogues into an organisation");

  harvest
    .command('add')
    .description('add a harvest source to an organisation; prints its id')
    .requiredOption('--organisation <slug>', 'the organisation its datasets are published in')
    .requiredOption('--title <title>', 'a name for the source')
    .addOption(
      new Option('--type <type>', 'the kind of portal')
        .choices([...SOURCE_TYPES])
        .makeOptionMandatory(),
    )
    .requiredOption('--url <url>', "the portal's address (http or https)")
    .option(
      '--interval <minutes>',
      'run it every so many minutes, at least 15 (default: by hand only)',
      wholeNumber,
    )
    .option('--cron <expression>', 'run it at the times of a cron expression (5 fields, UTC)')
    .option('--filter-organisation <name>', "only this organisation's datasets at the source")
    .option('--filter-tag <tag>', 'only datasets with this tag at the source')
    .option('--query <text>', 'only datasets the source finds for this text')
    .option('--default-licence <id>', 'licence of datasets the source gives none')
    .option(
      '--load-data',
      'load its CSV, GeoJSON … files into the datastore (new versions when they change)',
    )
    .option('--as <email>', 'the user adding it (default: the only site administrator)')
    .action(async (opts: AddOptions) => {
      await withContext(async (ctx) => {
        const actor = await operatorActor(ctx, opts.as);
        const source = await createSource(ctx, actor, {
          organisation: opts.organisation,
          title: opts.title,
          type: opts.type,
          url: opts.url,
          intervalMinutes: opts.interval ?? null,
          cron: opts.cron ?? null,
          filters: {
            ...(opts.filterOrganisation !== undefined && {
              organisation: opts.filterOrganisation,
            }),
            ...(opts.filterTag !== undefined && { tag: opts.filterTag }),
            ...(opts.query !== undefined && { query: opts.query }),
          },
          defaultLicence: opts.defaultLicence ?? null,
          loadData: opts.loadData === true,
        });
        print(source.id);
        process.stderr.write(
          `Added harvest source "${source.title}" (${source.type}, ${source.url}) to ` +
            `${opts.organisation}${source.load_data ? ', loading its data files' : ''}; ${
              source.cron !== null
                ? `it runs at cron ${source.cron} (UTC)`
                : source.interval_minutes === null
                  ? 'it runs when asked (metrodata harvest run)'
                  : `it runs every ${source.interval_minutes} minutes`
            }.\n`,
        );
      });
    });

  harvest
    .command('list')
    .description('list the harvest sources you manage')
    .option('--as <email>', 'the user asking (default: the only site administrator)')
    .action(async (opts: { as?: string }) => {
      await withContext(async (ctx) => {
        const actor = await operatorActor(ctx, opts.as);
        const sources = [];
        for (let page = 1; ; page += 1) {
          const found = await sourcesFor(ctx, actor, { page, per_page: PAGE });
          sources.push(...found.results);
          if (found.results.length < PAGE || sources.length >= found.total) break;
        }
        if (sources.length === 0) {
          print('No harvest sources.');
          return;
        }
        const slugs = new Map((await allOrganisations(ctx)).map((o) => [o.id, o.slug]));
        const rows = sources.map((s) => [
          s.id,
          slugs.get(s.organisation_id) ?? '?',
          s.type,
          s.title,
          s.url,
          s.cron !== null
            ? `cron ${s.cron}`
            : s.interval_minutes === null
              ? 'by hand'
              : `${s.interval_minutes} min`,
          s.consecutive_failures >= FAILING_RUNS ? `yes (${s.consecutive_failures} runs)` : 'no',
          s.enabled === 0 ? 'disabled' : (s.next_run_at ?? '-'),
        ]);
        const header = ['ID', 'ORGANISATION', 'TYPE', 'TITLE', 'URL', 'INTERVAL', 'FAILING'];
        for (const line of table([[...header, 'NEXT RUN'], ...rows])) print(line);
      });
    });

  harvest
    .command('run')
    .description('run a harvest source now, in this process, and report what changed')
    .argument('<source-id>', 'the source (from harvest list)')
    .option('--as <email>', 'the user running it (default: the only site administrator)')
    .action(async (id: string, opts: { as?: string }) => {
      await withContext(async (ctx) => {
        const actor = await operatorActor(ctx, opts.as);
        const source = await sourceFor(ctx, actor, id);
        refuseDisabled(source);
        process.stderr.write(`Harvesting ${source.title} (${source.url})…\n`);
        const run = await runHarvest(ctx, source.id, actor.user?.id ?? null);
        print(`Run ${run.id} ${run.status}: ${counts(run)}.`);
        if (run.truncated === 1) {
          print('Stopped at HARVEST_MAX_ITEMS datasets: nothing was withdrawn.');
        }
        if (run.failed > 0) {
          const failed = [];
          for (let page = 1; failed.length < FAILED_SHOWN; page += 1) {
            const { items } = await runWithItems(ctx, actor, run.id, { page, per_page: PAGE });
            failed.push(...items.filter((i) => i.action === 'failed'));
            if (items.length < PAGE) break;
          }
          print(`Failed items${run.failed > FAILED_SHOWN ? ` (first ${FAILED_SHOWN})` : ''}:`);
          for (const item of failed.slice(0, FAILED_SHOWN)) {
            print(`  ${item.identifier ?? '(no identifier)'}: ${item.error ?? 'failed'}`);
          }
        }
        if (run.status === 'failed') {
          throw new Error(`The harvest failed: ${run.error ?? 'no reason recorded'}`);
        }
      });
    });

  harvestAdminCommands(harvest, withContext, print);

  harvest
    .command('jobs')
    .description("list a harvest source's runs, newest first")
    .argument('<source-id>', 'the source (from harvest list)')
    .option('--limit <n>', 'show at most this many runs', wholeNumber, 20)
    .option('--as <email>', 'the user asking (default: the only site administrator)')
    .action(async (id: string, opts: { as?: string; limit: number }) => {
      await withContext(async (ctx) => {
        const actor = await operatorActor(ctx, opts.as);
        const runs = await runsOf(ctx, actor, id, { page: 1, per_page: opts.limit });
        if (runs.total === 0) {
          print('No runs yet.');
          return;
        }
        const rows = runs.results.map((r) => [
          r.started_at,
          r.status,
          counts(r) + (r.truncated === 1 ? ' (stopped at HARVEST_MAX_ITEMS)' : ''),
          r.error ?? '',
        ]);
        for (const line of table([['STARTED', 'STATUS', 'COUNTS', 'ERROR'], ...rows])) {
          print(line);
        }
        if (runs.total > runs.results.length) {
          print(`… and ${runs.total - runs.results.length} older runs (--limit).`);
        }
      });
    });
}
