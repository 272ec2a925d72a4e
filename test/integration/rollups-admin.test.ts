import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildRollup, rollupJobHandlers } from '../../src/features/rollups/index.js';
import { runDueJobs } from '../../src/platform/jobs/jobs.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, seedFixture, type Fixture } from '../helpers/fixture.js';
import {
  BAD_DATE_CSV,
  councilToilets,
  GOOD_CSV,
  seedRollupRegion,
  TOILETS_SCHEMA,
  type RollupRegion,
} from '../helpers/rollup-fixture.js';

// Changing and deleting a roll-up through the API: who may, what a new schema does to the
// members, and what deleting leaves (the councils' datasets always; the combined dataset unless
// withdrawn), with no rebuild bringing anything back.

interface RollupJson {
  title: string;
  description: string;
  resource_id: string | null;
  built_rows: number | null;
  members: { organisation: { slug: string }; status: string; included: boolean }[];
  missing: { slug: string }[];
}

let t: TestApp;
let f: Fixture;
let region: RollupRegion;
let dir: string;
const ids: Record<string, string> = {};

const drain = () => runDueJobs(t.ctx.db, rollupJobHandlers(t.ctx));
const api = (
  method: 'GET' | 'PATCH' | 'DELETE' | 'POST',
  url: string,
  token?: string,
  payload?: object,
) =>
  t.app.inject({
    method,
    url,
    ...(token ? { headers: bearer(token) } : {}),
    ...(payload ? { payload } : {}),
  });
const read = async (slug: string) =>
  (await api('GET', `/api/v1/rollups/${slug}`)).json<RollupJson>();
const statusOf = (r: RollupJson, org: string) =>
  r.members.find((m) => m.organisation.slug === org)?.status;

/** A roll-up of Bolton's (passes) and Wigan's (a bad date) toilets, built. */
async function builtRollup(slug: string): Promise<RollupJson> {
  const created = await api('POST', '/api/v1/rollups', region.caToken, {
    slug,
    title: `Toilets ${slug}`,
    organisation: 'gmca',
    schema: TOILETS_SCHEMA,
  });
  expect(created.statusCode).toBe(201);
  for (const org of ['bolton', 'wigan']) {
    const added = await api('POST', `/api/v1/rollups/${slug}/members`, region.caToken, {
      resource_id: ids[org],
    });
    expect(added.statusCode).toBe(201);
  }
  await drain();
  return read(slug);
}

beforeAll(async () => {
  t = await createTestApp();
  f = await seedFixture(t.ctx);
  region = await seedRollupRegion(t.ctx);
  dir = await mkdtemp(path.join(tmpdir(), 'rollups-admin-test-'));
  ids.bolton = await councilToilets(t.ctx, region.siteAdmin, dir, 'bolton', GOOD_CSV);
  ids.wigan = await councilToilets(t.ctx, region.siteAdmin, dir, 'wigan', BAD_DATE_CSV);
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

describe('changing a roll-up', () => {
  it('changes the title, description and who is expected, and logs it', async () => {
    await builtRollup('toilets');
    const res = await api('PATCH', '/api/v1/rollups/toilets', region.caToken, {
      title: 'Toilets in the two boroughs',
      description: 'Bolton and Wigan only.',
      expected_organisations: ['bolton', 'wigan', 'salford'],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<RollupJson>()).toMatchObject({
      title: 'Toilets in the two boroughs',
      description: 'Bolton and Wigan only.',
      missing: [{ slug: 'salford' }],
    });
    const list = (await api('GET', '/api/v1/rollups')).json<{ results: { title: string }[] }>();
    expect(list.results.map((r) => r.title)).toContain('Toilets in the two boroughs');
    const logged = await t.ctx.db.kysely
      .selectFrom('activities')
      .select('diff')
      .where('action', '=', 'rollup.updated')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(logged.diff)).toMatchObject({
      title: { from: 'Toilets toilets', to: 'Toilets in the two boroughs' },
      expected_organisations: { to: ['bolton', 'salford', 'wigan'] },
    });
  });

  it('checks every member again under a new schema and rebuilds', async () => {
    const before = await read('toilets');
    expect(before.built_rows).toBe(3);
    expect(statusOf(before, 'wigan')).toBe('fail');
    // ExtractDate as text: Wigan's impossible date no longer fails.
    const looser = {
      fields: TOILETS_SCHEMA.fields.map((x) =>
        x.name === 'ExtractDate' ? { ...x, type: 'string' } : x,
      ),
    };
    const res = await api('PATCH', '/api/v1/rollups/toilets', region.caToken, { schema: looser });
    expect(res.statusCode).toBe(200);
    expect(res.json<RollupJson>().members.map((m) => m.status)).toEqual(['pending', 'pending']);
    await drain();
    const after = await read('toilets');
    expect(statusOf(after, 'wigan')).toBe('warn');
    expect(after.built_rows).toBe(5);
  });

  it('refuses what it would refuse on creating one, naming the fields, and changes nothing', async () => {
    const res = await api('PATCH', '/api/v1/rollups/toilets', region.caToken, {
      title: '   ',
      schema: { fields: [{ name: 'publisher', type: 'string' }] },
      expected_organisations: ['atlantis'],
    });
    expect(res.statusCode).toBe(422);
    const body = res.json<{ error: { code: string; details: { field: string }[] } }>();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details.map((d) => d.field)).toEqual([
      'title',
      'schema.fields[0].name',
      'expected_organisations',
    ]);
    expect((await read('toilets')).title).toBe('Toilets in the two boroughs');
    const empty = await api('PATCH', '/api/v1/rollups/toilets', region.caToken, {});
    expect(empty.statusCode).toBe(400);
  });

  it('lets only the owner’s administrators and site administrators change or delete it', async () => {
    for (const token of [f.tokens.editor, f.tokens.outsider, f.tokens.member]) {
      const patch = await api('PATCH', '/api/v1/rollups/toilets', token, { title: 'Mine' });
      expect(patch.statusCode).toBe(403);
      expect(patch.json<{ error: { code: string } }>().error.code).toBe('forbidden');
      expect((await api('DELETE', '/api/v1/rollups/toilets', token)).statusCode).toBe(403);
    }
    expect(
      (await api('PATCH', '/api/v1/rollups/toilets', undefined, { title: 'x' })).statusCode,
    ).toBe(401);
    expect((await read('toilets')).title).toBe('Toilets in the two boroughs');
    const asSiteAdmin = await api('PATCH', '/api/v1/rollups/toilets', f.tokens.admin, {
      description: 'Changed by a site administrator.',
    });
    expect(asSiteAdmin.statusCode).toBe(200);
    expect(
      (await api('PATCH', '/api/v1/rollups/nope', region.caToken, { title: 'x' })).statusCode,
    ).toBe(404);
  });
});

describe('deleting a roll-up', () => {
  it('keeps the combined dataset as last built, and the councils’ datasets', async () => {
    const built = await builtRollup('kept');
    const res = await api('DELETE', '/api/v1/rollups/kept', region.caToken);
    expect(res.statusCode).toBe(204);
    expect((await api('GET', '/api/v1/rollups/kept')).statusCode).toBe(404);
    const dataset = await api('GET', '/api/v1/datasets/kept');
    expect(dataset.statusCode).toBe(200);
    const description = dataset.json<{ description: string }>().description;
    expect(description).toContain('no longer rebuilt');
    expect(description).not.toContain('/rollups/kept');
    const rows = await api('GET', `/api/v1/resources/${built.resource_id ?? ''}/query`);
    expect(rows.json<{ total: number }>().total).toBe(3);
    for (const council of ['bolton-public-toilets', 'wigan-public-toilets']) {
      expect((await api('GET', `/api/v1/datasets/${council}`)).statusCode).toBe(200);
    }
    // The members of the other roll-up are untouched.
    expect((await read('toilets')).members).toHaveLength(2);
    const logged = await t.ctx.db.kysely
      .selectFrom('activities')
      .select('action')
      .where('action', '=', 'rollup.deleted')
      .execute();
    expect(logged).toHaveLength(1);
  });

  it('withdraws the combined dataset when asked', async () => {
    await builtRollup('withdrawn');
    const res = await api(
      'DELETE',
      '/api/v1/rollups/withdrawn?withdraw_dataset=true',
      region.caToken,
    );
    expect(res.statusCode).toBe(204);
    expect((await api('GET', '/api/v1/datasets/withdrawn')).statusCode).toBe(404);
    expect((await api('GET', '/api/v1/datasets/bolton-public-toilets')).statusCode).toBe(200);
    const listed = (await api('GET', '/api/v1/rollups')).json<{ results: { dataset: string }[] }>();
    expect(listed.results.map((r) => r.dataset)).not.toContain('withdrawn');
  });

  it('is refused while a rebuild runs, and a rebuild queued before recreates nothing', async () => {
    const created = await api('POST', '/api/v1/rollups', region.caToken, {
      slug: 'queued',
      title: 'Queued',
      organisation: 'gmca',
      schema: TOILETS_SCHEMA,
    });
    expect(created.statusCode).toBe(201);
    // Adding a member queues the first build; it has not run yet.
    await api('POST', '/api/v1/rollups/queued/members', region.caToken, {
      resource_id: ids.bolton,
    });
    const row = await t.ctx.db.kysely
      .selectFrom('rollups')
      .select('id')
      .where('slug', '=', 'queued')
      .executeTakeFirstOrThrow();
    const hold = (until: string | null) =>
      t.ctx.db.kysely
        .updateTable('rollups')
        .set({ building_until: until })
        .where('id', '=', row.id)
        .execute();
    await hold(new Date(Date.now() + 60_000).toISOString());
    const busy = await api('DELETE', '/api/v1/rollups/queued', region.caToken);
    expect(busy.statusCode).toBe(409);
    expect(busy.json<{ error: { message: string } }>().error.message).toContain('rebuild');
    expect((await api('GET', '/api/v1/rollups/queued')).statusCode).toBe(200);
    await hold(null);
    expect((await api('DELETE', '/api/v1/rollups/queued', region.caToken)).statusCode).toBe(204);
    await drain();
    expect(await rebuildRollup(t.ctx, row.id)).toEqual({ outcome: 'gone' });
    const dataset = (await api('GET', '/api/v1/datasets/queued')).json<{ resources: unknown[] }>();
    expect(dataset.resources).toEqual([]);
  });
});
