import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSandbox, type CliSandbox } from '../helpers/cli.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { seedFixture } from '../helpers/fixture.js';

// `metrodata harvest …` as an operator runs it: a real process on its own SQLite file,
// harvesting a second Metrodata instance (seeded with the fixture) on loopback as a CKAN portal.
let sandbox: CliSandbox;
let remote: TestApp;
let origin: string;
let sourceId = '';
const cli = (...args: string[]) => sandbox.cli(...args);
const ADMIN = 'admin@harvest.example';

beforeAll(async () => {
  remote = await createTestApp();
  await seedFixture(remote.ctx);
  await remote.app.listen({ port: 0, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${(remote.app.server.address() as AddressInfo).port}`;
  sandbox = await cliSandbox('harvest-cli');
  // The remote is on loopback, which harvests refuse unless it is allowed.
  sandbox.env.OUTBOUND_ALLOWED_PRIVATE = '127.0.0.1';
  expect((await cli('org', 'create', '--slug', 'bolton', '--name', 'Bolton Council')).code).toBe(0);
  const admin = await cli(
    'user',
    'create',
    '--email',
    ADMIN,
    '--name',
    'Site Administrator',
    '--password',
    'correct horse battery',
    '--site-admin',
  );
  expect(admin.code, admin.stderr).toBe(0);
}, 120_000);
afterAll(async () => {
  await sandbox.remove();
  await remote.close();
});

// Each command is a fresh Node process; on a loaded 2-core machine a few take seconds each.
describe('metrodata harvest', { timeout: 90_000 }, () => {
  it('adds a source and prints its id, then lists it', async () => {
    const added = await cli(
      'harvest',
      'add',
      '--organisation',
      'bolton',
      '--title',
      'Remote portal',
      '--type',
      'ckan',
      '--url',
      origin,
      '--interval',
      '60',
      '--as',
      ADMIN,
    );
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/^[\w-]{36}\n$/);
    sourceId = added.stdout.trim();
    expect(added.stderr).toContain('it runs every 60 minutes');

    // Without --as: the only site administrator.
    const list = await cli('harvest', 'list');
    expect(list.code, list.stderr).toBe(0);
    const [header, row] = list.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^ID +ORGANISATION +TYPE +TITLE +URL +INTERVAL +FAILING +NEXT RUN$/);
    expect(row).toContain(sourceId);
    expect(row).toMatch(
      / bolton +ckan +Remote portal +http:\/\/127\.0\.0\.1:\d+ +60 min +no +\d{4}-/,
    );
  });

  it('runs it now, printing progress and the counts, then lists the run', async () => {
    const run = await cli('harvest', 'run', sourceId, '--as', ADMIN);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`Harvesting Remote portal (${origin})…`);
    const created = /created (\d+), updated 0, unchanged 0, withdrawn 0, failed 0\./.exec(
      run.stdout,
    );
    expect(created, run.stdout).not.toBeNull();
    expect(Number(created?.[1])).toBeGreaterThan(0);
    expect(run.stdout).toMatch(/^Run [\w-]{36} succeeded: /m);

    const jobs = await cli('harvest', 'jobs', sourceId);
    expect(jobs.code, jobs.stderr).toBe(0);
    const lines = jobs.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^STARTED +STATUS +COUNTS +ERROR$/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(
      new RegExp(`^\\d{4}-\\S+ +succeeded +created ${created?.[1] ?? ''}, updated 0, `),
    );
  });

  it('disables a source (then refuses to run it), enables it, and removes it keeping its datasets', async () => {
    const off = await cli('harvest', 'disable', sourceId);
    expect(off.code, off.stderr).toBe(0);
    expect(off.stdout).toBe('Disabled "Remote portal".\n');
    const list = await cli('harvest', 'list');
    expect(list.stdout).toMatch(/ 60 min +no +disabled\n$/);
    const run = await cli('harvest', 'run', sourceId);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      'metrodata: This harvest source is disabled: enable it to run it',
    );
    const on = await cli('harvest', 'enable', sourceId);
    expect(on.code, on.stderr).toBe(0);
    expect(on.stdout).toMatch(/^Enabled "Remote portal"; next scheduled run: \d{4}-/);
    const removed = await cli('harvest', 'remove', sourceId);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toMatch(
      /^Removed "Remote portal"\. Its \d+ datasets stay in the catalogue, no longer harvested\.\n$/,
    );
    expect((await cli('harvest', 'list')).stdout).toBe('No harvest sources.\n');
  });

  it('fails with one clear line and exit code 1 on an unknown source or a bad URL', async () => {
    const [unknown, bad] = await Promise.all([
      cli('harvest', 'run', '00000000-0000-0000-0000-000000000000'),
      cli(
        'harvest',
        'add',
        '--organisation',
        'bolton',
        '--title',
        'Hostile',
        '--type',
        'ckan',
        '--url',
        'javascript:alert(1)',
      ),
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe('metrodata: Harvest source was not found');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^metrodata: url: javascript:alert\(1\) is not an http\(s\) URL\n$/);
  });

  it('adds a source that loads its data files into the datastore with --load-data', async () => {
    const added = await cli(
      'harvest',
      'add',
      '--organisation',
      'bolton',
      '--title',
      'Portal with data',
      '--type',
      'ckan',
      '--url',
      origin,
      '--load-data',
    );
    expect(added.code, added.stderr).toBe(0);
    expect(added.stderr).toContain(
      'to bolton, loading its data files; it runs when asked (metrodata harvest run)',
    );
  });
});
