import { Command, InvalidArgumentError, Option } from 'commander';
import { loadConfig, type Config } from '../config.js';
import { closeContext, openContext } from '../bootstrap.js';
import type { AppContext } from '../context.js';
import {
  createUser,
  setPassword,
  createToken,
  listTokens,
  revokeToken,
} from '../features/accounts/index.js';
import { importBoundaryFile, type BoundaryImportOptions } from '../features/areas/index.js';
import { addMemberToOrganisation, createOrganisation } from '../features/organisations/index.js';
import { LOADABLE_FORMATS } from '../features/datastore/index.js';
import { importPostcodes, importReportLines } from '../features/places/index.js';
import { publisherMessage, seedDemo } from '../demo/seed.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { serve } from '../server.js';
import { downloadsCommands } from './downloads.js';
import { harvestCommands } from './harvest.js';
import { runImport, type ImportOptions } from './import.js';
import { progressBar } from './progress.js';

const ROLES = ['admin', 'editor', 'member'] as const;
const KINDS = ['combined-authority', 'council', 'transport', 'police', 'health', 'other'] as const;

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!(n > 0)) throw new InvalidArgumentError('must be a positive number');
  return n;
}

async function withContext<T>(fn: (ctx: AppContext) => Promise<T>, config?: Config): Promise<T> {
  const ctx = await openContext(config ?? loadConfig());
  try {
    return await fn(ctx);
  } finally {
    await closeContext(ctx);
  }
}

const print = (line: string) => process.stdout.write(`${line}\n`);

export function buildCli(): Command {
  const program = new Command('metrodata')
    .description('Metrodata: the open data platform of a city region')
    .showHelpAfterError()
    .exitOverride((err) => {
      if (err.exitCode !== 0) process.exitCode = err.exitCode;
      if (err.code !== 'commander.helpDisplayed' && err.code !== 'commander.version') {
        throw new Error(err.message.replace(/^error: /, ''));
      }
    });

  program
    .command('serve')
    .description('serve the site and API (migrates, and seeds the demo region on first start)')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 8080)')
    .action(async (opts: { port?: string }) => {
      await serve(loadConfig(process.env, opts.port ? { port: Number(opts.port) } : {}));
    });

  program
    .command('migrate')
    .description('apply pending database migrations')
    .action(async () => {
      const config = loadConfig();
      const ctx = await openContext(config);
      const applied = await migrateToLatest(ctx.db);
      await closeContext(ctx);
      print(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
    });

  program
    .command('seed')
    .description(
      'load the synthetic demo region (Greater Manchester); refuses a non-empty catalogue unless --force',
    )
    .option('--force', 'seed even if the catalogue already has organisations')
    .action(async (opts: { force?: boolean }) => {
      await withContext(async (ctx) => {
        const bar = progressBar('Seeding');
        const summary = await seedDemo(ctx, { force: opts.force ?? false, progress: bar.update });
        bar.done();
        print(
          `Seeded ${summary.organisations} organisations and ${summary.datasets} datasets, ` +
            `${summary.loads} files loaded into the datastore, ${summary.postcodes} postcodes, ` +
            `${summary.reports} citizen reports (synthetic demo data).`,
        );
        if (summary.publisher) print(publisherMessage(summary.publisher));
      });
    });

  program
    .command('import')
    .description('upload a local file to a dataset and load it into the datastore')
    .argument('<file>', `a ${[...LOADABLE_FORMATS].join(', ')} file`)
    .requiredOption('--dataset <slug>', 'the dataset to add it to')
    .option('--name <name>', 'name of the new resource (default: the file name)')
    .option('--format <format>', 'format of the new resource (default: from the file extension)')
    .option('--resource <id>', "replace this resource's data instead (its next version)")
    .option('--as <email>', 'the user importing (default: the only site administrator)')
    .action(async (file: string, opts: ImportOptions) => {
      await withContext((ctx) => runImport(ctx, file, opts, print));
    });

  const user = program.command('user').description('manage users');
  user
    .command('create')
    .description('create a user, optionally a member of an organisation')
    .requiredOption('--email <email>', 'e-mail address (the sign-in name)')
    .requiredOption('--name <name>', 'full name')
    .option('--password <password>', 'password (12+ characters); or set METRODATA_PASSWORD')
    .option('--site-admin', 'make the user a site administrator')
    .option('--org <slug>', 'organisation to join')
    .addOption(new Option('--role <role>', 'role in --org').choices(ROLES).default('editor'))
    .action(
      async (opts: {
        email: string;
        name: string;
        password?: string;
        siteAdmin?: boolean;
        org?: string;
        role: (typeof ROLES)[number];
      }) => {
        await withContext(async (ctx) => {
          const created = await createUser(ctx, {
            email: opts.email,
            name: opts.name,
            password: opts.password ?? process.env.METRODATA_PASSWORD,
            siteAdmin: opts.siteAdmin,
          });
          if (opts.org) await addMemberToOrganisation(ctx, created.email, opts.org, opts.role);
          print(
            `Created user ${created.email} (${created.id})${opts.org ? `, ${opts.role} of ${opts.org}` : ''}.`,
          );
        });
      },
    );
  user
    .command('password')
    .description('set the password a user signs in to the web pages with')
    .requiredOption('--email <email>', 'the user')
    .option('--password <password>', 'password (12+ characters); or set METRODATA_PASSWORD')
    .action(async (opts: { email: string; password?: string }) => {
      const password = opts.password ?? process.env.METRODATA_PASSWORD;
      if (!password) throw new Error('Give --password or set METRODATA_PASSWORD');
      await withContext(async (ctx) => {
        await setPassword(ctx, opts.email, password);
        print(`Set the password of ${opts.email}.`);
      });
    });
  user
    .command('add-member')
    .description('give a user a role in an organisation')
    .requiredOption('--email <email>', 'the user')
    .requiredOption('--org <slug>', 'the organisation')
    .addOption(new Option('--role <role>', 'the role').choices(ROLES).makeOptionMandatory())
    .action(async (opts: { email: string; org: string; role: (typeof ROLES)[number] }) => {
      await withContext(async (ctx) => {
        await addMemberToOrganisation(ctx, opts.email, opts.org, opts.role);
        print(`${opts.email} is now ${opts.role} of ${opts.org}.`);
      });
    });

  const token = program.command('token').description('manage API tokens');
  token
    .command('create')
    .description('create an API token for a user; it is shown once')
    .requiredOption('--user <email>', 'the user the token acts as')
    .option('--name <name>', 'what the token is for', 'API token')
    .option('--scopes <scopes>', 'comma-separated: read, write, reports', 'read,write')
    .option('--expires-in <days>', 'days until it expires (default: never)', positiveNumber)
    .action(async (opts: { user: string; name: string; scopes: string; expiresIn?: number }) => {
      await withContext(async (ctx) => {
        const { token: secret, record } = await createToken(ctx, {
          email: opts.user,
          name: opts.name,
          scopes: opts.scopes.split(',').map((s) => s.trim()),
          expiresInDays: opts.expiresIn,
        });
        print(secret);
        process.stderr.write(
          `Token ${record.id} for ${opts.user}, scopes ${record.scopes}, ` +
            `${record.expires_at ? `expires ${record.expires_at}` : 'no expiry'}. Store it now: it is not shown again.\n`,
        );
      });
    });
  token
    .command('list')
    .description("list a user's tokens (never the secrets)")
    .requiredOption('--user <email>', 'the user')
    .action(async (opts: { user: string }) => {
      await withContext(async (ctx) => {
        for (const t of await listTokens(ctx, opts.user)) {
          const status = t.revoked_at
            ? 'revoked'
            : t.expires_at && t.expires_at < new Date().toISOString()
              ? 'expired'
              : 'active';
          print(
            [
              t.id,
              t.prefix + '…',
              t.name,
              t.scopes,
              status,
              `last used ${t.last_used_at ?? 'never'}`,
            ].join('\t'),
          );
        }
      });
    });
  token
    .command('revoke')
    .description('revoke a token by id')
    .argument('<id>', 'the token id (from token list)')
    .action(async (id: string) => {
      await withContext(async (ctx) => {
        await revokeToken(ctx, id);
        print(`Revoked ${id}.`);
      });
    });

  const org = program.command('org').description('manage organisations');
  org
    .command('create')
    .description('create a publishing organisation')
    .requiredOption('--slug <slug>', 'URL name, e.g. bolton-council')
    .requiredOption('--name <name>', 'display name')
    .addOption(new Option('--kind <kind>', 'what kind of body').choices(KINDS).default('council'))
    .option('--description <text>', 'a sentence about it')
    .option('--url <url>', 'its website')
    .action(
      async (opts: {
        slug: string;
        name: string;
        kind: (typeof KINDS)[number];
        description?: string;
        url?: string;
      }) => {
        await withContext(async (ctx) => {
          const created = await createOrganisation(ctx, null, opts);
          print(`Created organisation ${created.slug} (${created.id}).`);
        });
      },
    );

  const region = program.command('region').description('the region and its boundaries');
  region
    .command('import')
    .description('load official boundaries, or wards, from a GeoJSON file (WGS 84)')
    .argument('<file>', 'a GeoJSON FeatureCollection')
    .option('--name-property <prop>', 'feature property holding the area name', 'area_name')
    .option('--code-property <prop>', 'feature property holding the area code', 'area_code')
    .option(
      '--parent-property <prop>',
      "feature property holding a ward's local authority code (its presence makes the file wards)",
      'local_authority_area_code',
    )
    .action(async (file: string, opts: BoundaryImportOptions) => {
      await withContext(async (ctx) => {
        const bar = progressBar('Importing');
        const report = await importBoundaryFile(ctx, file, { ...opts, progress: bar.update });
        bar.done();
        for (const line of report.lines) print(line);
      });
    });

  const postcodes = program.command('postcodes').description('the postcode directory');
  postcodes
    .command('import')
    .description(
      'load postcodes from an ONS Postcode Directory or OS Code-Point Open CSV (streamed; a ' +
        'damaged file changes nothing)',
    )
    .argument('<file>', 'an ONSPD CSV (with its header) or a Code-Point Open CSV (no header)')
    .option('--replace', 'empty the directory first instead of adding to it (and updating)')
    .option('--within-region', "keep only postcodes inside the region boundary's bounding box")
    .action(async (file: string, opts: { replace?: boolean; withinRegion?: boolean }) => {
      await withContext(async (ctx) => {
        const bar = progressBar('Importing');
        const report = await importPostcodes(ctx, file, {
          replace: opts.replace ?? false,
          withinRegion: opts.withinRegion ?? false,
          progress: bar.update,
        }).finally(bar.done);
        for (const line of importReportLines(report)) print(line);
      });
    });

  downloadsCommands(program, withContext, print);
  harvestCommands(program, withContext, print);

  return program;
}
