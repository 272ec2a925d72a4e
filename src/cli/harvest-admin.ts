import type { Command } from 'commander';
import type { AppContext } from '../context.js';
import { operatorActor } from '../features/accounts/index.js';
import { changeSource, deleteSource } from '../features/harvest/index.js';

// `metrodata harvest enable|disable|remove <id>`: the source page's buttons, from a terminal,
// acting as a user (--as, or the only site administrator) under the same policy as the API.

type WithContext = <T>(fn: (ctx: AppContext) => Promise<T>) => Promise<T>;
type Print = (line: string) => void;

const AS = ['--as <email>', 'the user acting (default: the only site administrator)'] as const;
const datasets = (n: number) => (n === 1 ? '1 dataset' : `${String(n)} datasets`);

/** Declares the subcommands that change a source's state on `harvest`. */
export function harvestAdminCommands(harvest: Command, withContext: WithContext, print: Print) {
  for (const [name, enabled] of [
    ['enable', true],
    ['disable', false],
  ] as const) {
    harvest
      .command(name)
      .description(
        enabled
          ? 'enable a harvest source: it runs on its schedule and when asked'
          : 'disable a harvest source: it never runs, by schedule or by hand, until enabled',
      )
      .argument('<source-id>', 'the source (from harvest list)')
      .option(...AS)
      .action(async (id: string, opts: { as?: string }) => {
        await withContext(async (ctx) => {
          const actor = await operatorActor(ctx, opts.as);
          const source = await changeSource(ctx, actor, id, { enabled });
          print(
            enabled
              ? `Enabled "${source.title}"; next scheduled run: ${source.next_run_at ?? 'none (by hand only)'}.`
              : `Disabled "${source.title}".`,
          );
        });
      });
  }

  harvest
    .command('remove')
    .description('delete a harvest source and its runs; its datasets stay, no longer harvested')
    .argument('<source-id>', 'the source (from harvest list)')
    .option('--withdraw-datasets', 'also withdraw (soft-delete) the datasets it harvested')
    .option(...AS)
    .action(async (id: string, opts: { as?: string; withdrawDatasets?: boolean }) => {
      await withContext(async (ctx) => {
        const actor = await operatorActor(ctx, opts.as);
        const withdrawDatasets = opts.withdrawDatasets === true;
        const done = await deleteSource(ctx, actor, id, { withdrawDatasets });
        print(
          `Removed "${done.title}". ` +
            (withdrawDatasets
              ? `Its ${datasets(done.withdrawn)} ${done.withdrawn === 1 ? 'was' : 'were'} withdrawn (an editor can restore them).`
              : `Its ${datasets(done.datasets)} ${done.datasets === 1 ? 'stays' : 'stay'} in the catalogue, no longer harvested.`),
        );
      });
    });
}
