import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addLinkResource,
  createDataset,
  deleteDataset,
  getDataset,
  patchDataset,
} from '../../src/features/catalog/index.js';
import { createSource, runHarvest } from '../../src/features/harvest/index.js';
import { createOrganisation } from '../../src/features/organisations/index.js';
import {
  actorForUser,
  anonymous,
  createUser,
  type Actor,
} from '../../src/features/accounts/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createTestContext, type TestContext } from '../helpers/context.js';
import { seedFixture, type Fixture } from '../helpers/fixture.js';

// A second Metrodata instance on loopback is the remote CKAN portal; this instance harvests it
// (loopback allowed explicitly, as an operator would allow an internal portal).

let remote: TestApp;
let fixture: Fixture;
let origin: string;
let local: TestContext;
let admin: Actor;

/** A site administrator of `ctx`. */
async function siteAdmin(ctx: TestContext): Promise<Actor> {
  const user = await createUser(ctx, {
    email: 'admin@example.org',
    name: 'Admin',
    siteAdmin: true,
  });
  return actorForUser(ctx, user.id, ['read', 'write']);
}

/** A harvest source of a new combined authority in `ctx`, reading the CKAN portal at `url`. */
async function ckanSourceIn(ctx: TestContext, url: string) {
  await createOrganisation(ctx, null, {
    slug: 'gmca',
    name: 'Combined Authority',
    kind: 'combined-authority',
  });
  return createSource(ctx, await siteAdmin(ctx), {
    organisation: 'gmca',
    title: 'Remote portal',
    url,
    type: 'ckan',
  });
}

async function seedRemote() {
  const actor = fixture.editorActor;
  await createDataset(remote.ctx, actor, {
    slug: 'public-toilets',
    title: 'Public toilets',
    description: 'Where the <b>public toilets</b> are.<script>alert(1)</script>',
    organisation: 'bolton',
    licence: 'OGL-UK-3.0',
    tags: ['toilets', 'amenities'],
    source_url: 'https://bolton.example/toilets',
  });
  await addLinkResource(remote.ctx, actor, 'public-toilets', {
    name: 'Toilets CSV',
    url: 'https://bolton.example/toilets.csv',
    format: 'CSV',
  });
}

beforeAll(async () => {
  remote = await createTestApp();
  fixture = await seedFixture(remote.ctx);
  await seedRemote();
  await remote.app.listen({ port: 0, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${(remote.app.server.address() as AddressInfo).port}`;
  local = await createTestContext({ outboundAllowedPrivate: '127.0.0.1' });
  await createOrganisation(local, null, {
    slug: 'gmca',
    name: 'Combined Authority',
    kind: 'combined-authority',
  });
  admin = await siteAdmin(local);
});
afterAll(async () => {
  await remote.close();
  await local.cleanup();
});

/** The public datasets of the remote portal, by title. */
async function localTitles(): Promise<string[]> {
  const rows = await local.db.kysely
    .selectFrom('datasets')
    .select('title')
    .where('state', '=', 'active')
    .orderBy('title')
    .execute();
  return rows.map((r) => r.title);
}

describe('harvesting a CKAN portal', () => {
  it('takes every public dataset with its licence, tags, links and source, as text', async () => {
    const source = await createSource(local, admin, {
      organisation: 'gmca',
      title: 'Bolton portal',
      url: origin,
      type: 'ckan',
    });
    const run = await runHarvest(local, source.id);
    expect(run).toMatchObject({ status: 'succeeded', failed: 0, updated: 0, withdrawn: 0 });
    const remoteTitles = (
      await remote.ctx.db.kysely
        .selectFrom('datasets')
        .select('title')
        .where('state', '=', 'active')
        .where('visibility', '=', 'public')
        .orderBy('title')
        .execute()
    ).map((r) => r.title);
    expect(remoteTitles.length).toBeGreaterThan(2);
    expect(run.created).toBe(remoteTitles.length);
    expect(await localTitles()).toEqual(remoteTitles);

    const slug = (
      await local.db.kysely
        .selectFrom('datasets')
        .select('slug')
        .where('title', '=', 'Public toilets')
        .executeTakeFirstOrThrow()
    ).slug;
    const toilets = await getDataset(local, anonymous, slug);
    expect(toilets).toMatchObject({
      licence: expect.objectContaining({ id: 'OGL-UK-3.0' }) as unknown,
      organisation: expect.objectContaining({ slug: 'gmca' }) as unknown,
      source_url: `${origin}/dataset/public-toilets`,
    });
    expect(toilets.tags).toEqual(['amenities', 'toilets']);
    expect(toilets.description).toBe('Where the public toilets are.');
    expect(toilets.resources.map((r) => [r.name, r.url, r.format])).toEqual([
      ['Toilets CSV', 'https://bolton.example/toilets.csv', 'CSV'],
    ]);
  });

  it('counts what changed at the source on the next run: new, updated, withdrawn, unchanged', async () => {
    const source = (
      await local.db.kysely.selectFrom('harvest_sources').select('id').executeTakeFirstOrThrow()
    ).id;
    const before = (await localTitles()).length;
    const actor = fixture.editorActor;
    await patchDataset(remote.ctx, actor, 'public-toilets', { title: 'Public toilets (2025)' });
    await createDataset(remote.ctx, actor, {
      slug: 'benches',
      title: 'Benches',
      organisation: 'bolton',
    });
    await deleteDataset(remote.ctx, actor, 'bus-punctuality');

    const run = await runHarvest(local, source);
    expect(run).toMatchObject({
      status: 'succeeded',
      created: 1,
      updated: 1,
      withdrawn: 1,
      unchanged: before - 2,
      failed: 0,
    });
    const titles = await localTitles();
    expect(titles).toContain('Public toilets (2025)');
    expect(titles).toContain('Benches');
    expect(titles).not.toContain('Public toilets');
    expect(titles).not.toContain('Bus punctuality');

    const again = await runHarvest(local, source);
    expect(again).toMatchObject({ created: 0, updated: 0, withdrawn: 0, unchanged: before });
  });

  it('drops only a record that fails half-way; the others written with it are kept', async () => {
    // Records are stored a few per transaction: a failure after the dataset was written (here a
    // trigger refusing one link) must undo that record alone.
    const isolated = await createTestContext({ outboundAllowedPrivate: '127.0.0.1' });
    try {
      const k = isolated.db.kysely;
      if (isolated.db.dialect === 'sqlite') {
        await sql`CREATE TRIGGER refuse_link BEFORE INSERT ON resources
          WHEN NEW.url LIKE '%refused%' BEGIN SELECT RAISE(ABORT, 'link refused'); END`.execute(k);
      } else {
        await sql`CREATE FUNCTION refuse_link() RETURNS trigger AS $$ BEGIN
          IF NEW.url LIKE '%refused%' THEN RAISE EXCEPTION 'link refused'; END IF;
          RETURN NEW; END $$ LANGUAGE plpgsql`.execute(k);
        await sql`CREATE TRIGGER refuse_link BEFORE INSERT ON resources
          FOR EACH ROW EXECUTE FUNCTION refuse_link()`.execute(k);
      }
      await createDataset(remote.ctx, fixture.editorActor, {
        slug: 'grit-bins',
        title: 'Grit bins',
        organisation: 'bolton',
      });
      await addLinkResource(remote.ctx, fixture.editorActor, 'grit-bins', {
        name: 'Grit bins CSV',
        url: 'https://bolton.example/refused.csv',
        format: 'CSV',
      });
      const source = await ckanSourceIn(isolated, origin);
      const listed = (await localTitles()).length;
      const run = await runHarvest(isolated, source.id);
      expect(run).toMatchObject({ status: 'succeeded', failed: 1 });
      const titles = (
        await k.selectFrom('datasets').select('title').where('state', '=', 'active').execute()
      ).map((r) => r.title);
      expect(titles).not.toContain('Grit bins');
      expect(titles.length).toBe(run.created);
      expect(run.created).toBeGreaterThanOrEqual(listed);
      const logged = await k
        .selectFrom('harvest_items')
        .select(['action', 'error'])
        .where('run_id', '=', run.id)
        .where('action', '=', 'failed')
        .execute();
      expect(logged).toHaveLength(1);
      expect(logged[0]?.error).toContain('link refused');
    } finally {
      await isolated.cleanup();
    }
  });

  it('stores what it read before a source fails mid-way, then fails the run', async () => {
    // 120 packages: the first page of 100 answers, the second fails.
    const packages = Array.from({ length: 120 }, (_, i) => ({
      id: `p${String(i).padStart(3, '0')}`,
      name: `p${String(i).padStart(3, '0')}`,
      title: `Package ${String(i)}`,
      resources: [],
      tags: [],
    }));
    const portal = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://portal');
      const start = Number(url.searchParams.get('start') ?? 0);
      const rows = Number(url.searchParams.get('rows') ?? 10);
      if (start >= 100) {
        res.writeHead(500).end('down');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          success: true,
          result: { count: packages.length, results: packages.slice(start, start + rows) },
        }),
      );
    });
    await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve));
    const isolated = await createTestContext({ outboundAllowedPrivate: '127.0.0.1' });
    try {
      const source = await ckanSourceIn(
        isolated,
        `http://127.0.0.1:${String((portal.address() as AddressInfo).port)}`,
      );
      const run = await runHarvest(isolated, source.id);
      expect(run).toMatchObject({ status: 'failed', created: 100, withdrawn: 0 });
      expect(run.error).toMatch(/500/);
    } finally {
      await isolated.cleanup();
      portal.close();
    }
  });

  it('refuses a private address unless the operator allowed it, and says so', async () => {
    const strict = await createTestContext();
    try {
      const source = await ckanSourceIn(strict, origin);
      const run = await runHarvest(strict, source.id);
      expect(run.status).toBe('failed');
      expect(run.error).toMatch(/private address/);
      expect(run.created).toBe(0);
    } finally {
      await strict.cleanup();
    }
  });

  it('refuses a source URL that is not http(s)', async () => {
    await expect(
      createSource(local, admin, {
        organisation: 'gmca',
        title: 'Bad',
        url: 'javascript:alert(1)',
        type: 'ckan',
      }),
    ).rejects.toThrow(/not an http\(s\) URL|invalid/i);
  });
});
