import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/features/datastore/index.js';
import { rollupJobHandlers } from '../../src/features/rollups/index.js';
import { runDueJobs } from '../../src/platform/jobs/jobs.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, seedFixture, type Fixture } from '../helpers/fixture.js';
import { $, PageClient } from '../helpers/pages.js';
import {
  BAD_DATE_CSV,
  councilToilets,
  FIXED_DATE_CSV,
  GOOD_CSV,
  MISSING_FIELD_CSV,
  ROLLUP_ADMIN_PASSWORD,
  seedRollupRegion,
  TOILETS_SCHEMA,
  type RollupRegion,
} from '../helpers/rollup-fixture.js';

// A roll-up of three councils' public toilets: one passes, one has a date that does not exist,
// one lacks a required column; a fourth council is expected and has nothing.

interface Member {
  resource_id: string;
  organisation: { slug: string };
  status: string;
  included: boolean;
  report: {
    status: string;
    issues: {
      kind: string;
      field: string | null;
      message: string;
      examples: { row: number; value: string | null }[];
    }[];
  } | null;
}
interface RollupJson {
  slug: string;
  resource_id: string | null;
  built_version: number | null;
  built_rows: number | null;
  members: Member[];
  missing: { slug: string; name: string }[];
}

let t: TestApp;
let f: Fixture;
let region: RollupRegion;
let dir: string;
const ids: Record<string, string> = {};

const drain = () => runDueJobs(t.ctx.db, rollupJobHandlers(t.ctx));
const read = async () =>
  (await t.app.inject({ url: '/api/v1/rollups/public-toilets' })).json<RollupJson>();
const memberOf = (r: RollupJson, org: string) => r.members.find((m) => m.organisation.slug === org);

beforeAll(async () => {
  t = await createTestApp();
  f = await seedFixture(t.ctx);
  region = await seedRollupRegion(t.ctx);
  dir = await mkdtemp(path.join(tmpdir(), 'rollups-test-'));
  ids.bolton = await councilToilets(t.ctx, region.siteAdmin, dir, 'bolton', GOOD_CSV);
  ids.wigan = await councilToilets(t.ctx, region.siteAdmin, dir, 'wigan', BAD_DATE_CSV);
  ids.bury = await councilToilets(t.ctx, region.siteAdmin, dir, 'bury', MISSING_FIELD_CSV);
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

describe('roll-ups', () => {
  it('creates a roll-up and combines the members that pass, reporting the others', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/rollups',
      headers: bearer(region.caToken),
      payload: {
        slug: 'public-toilets',
        title: 'Public toilets across the region',
        organisation: 'gmca',
        schema: TOILETS_SCHEMA,
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json<RollupJson>().missing.map((o) => o.slug)).toEqual([
      'bolton',
      'bury',
      'salford',
      'wigan',
    ]);
    for (const org of ['bolton', 'wigan', 'bury']) {
      const added = await t.app.inject({
        method: 'POST',
        url: '/api/v1/rollups/public-toilets/members',
        headers: bearer(region.caToken),
        payload: { resource_id: ids[org] },
      });
      expect(added.statusCode).toBe(201);
    }
    await drain();

    const r = await read();
    expect(r.missing).toEqual([{ slug: 'salford', name: 'Salford City Council' }]);
    expect(memberOf(r, 'bolton')).toMatchObject({ status: 'pass', included: true });
    const wigan = memberOf(r, 'wigan');
    expect(wigan).toMatchObject({ status: 'fail', included: false });
    const badDate = wigan?.report?.issues.find((i) => i.kind === 'bad_date');
    expect(badDate).toMatchObject({
      field: 'ExtractDate',
      examples: [{ row: 2, value: '2024-13-45' }],
    });
    expect(badDate?.message).toContain('YYYY-MM-DD');
    // The extra column is a warning, not a failure.
    expect(wigan?.report?.issues.some((i) => i.kind === 'extra_field')).toBe(true);
    const bury = memberOf(r, 'bury');
    expect(bury).toMatchObject({ status: 'fail', included: false });
    expect(bury?.report?.issues[0]).toMatchObject({ kind: 'missing_field', field: 'LocationText' });
    expect(r).toMatchObject({ built_version: 1, built_rows: 3 });
  });

  it('serves the combined table through the query API, with the publisher column', async () => {
    const r = await read();
    const q = await t.app.inject({ url: `/api/v1/resources/${r.resource_id ?? ''}/query` });
    expect(q.statusCode).toBe(200);
    const body = q.json<{
      total: number;
      records: Record<string, unknown>[];
      fields: { name: string; type: string }[];
    }>();
    expect(body.total).toBe(3);
    expect(body.records.map((x) => x.publisher)).toEqual(Array(3).fill('Bolton Council'));
    expect(body.records[0]).toMatchObject({ LocationText: 'Victoria Square', BabyChange: true });
    expect(body.fields.find((x) => x.name === 'ExtractDate')?.type).toBe('date');
  });

  it('rebuilds when a member gets a new version', async () => {
    const file = path.join(dir, 'wigan-fixed.csv');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file, FIXED_DATE_CSV);
    const { load } = await importFile(t.ctx, region.siteAdmin, {
      file,
      dataset: 'wigan-public-toilets',
      resourceId: ids.wigan,
    });
    expect(load.status).toBe('succeeded');
    // The load queued the rebuild itself; running the queue is all that is left.
    expect(await drain()).toBeGreaterThan(0);
    const r = await read();
    expect(memberOf(r, 'wigan')).toMatchObject({ status: 'warn', included: true });
    expect(r).toMatchObject({ built_version: 2, built_rows: 5 });
    const q = await t.app.inject({
      url: `/api/v1/resources/${r.resource_id ?? ''}/query?filter=publisher:eq:Wigan%20Council`,
    });
    expect(q.json<{ total: number }>().total).toBe(2);
  });

  it('lets only the owner’s administrators and site administrators change it', async () => {
    const asBoltonEditor = await t.app.inject({
      method: 'POST',
      url: '/api/v1/rollups/public-toilets/rebuild',
      headers: bearer(f.tokens.editor),
    });
    expect(asBoltonEditor.statusCode).toBe(403);
    const removeAsWigan = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/rollups/public-toilets/members/${ids.bolton ?? ''}`,
      headers: bearer(f.tokens.otherEditor),
    });
    expect(removeAsWigan.statusCode).toBe(403);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/v1/rollups/public-toilets/members',
      payload: { resource_id: ids.bury },
    });
    expect(anonymous.statusCode).toBe(401);
    const createAsCouncil = await t.app.inject({
      method: 'POST',
      url: '/api/v1/rollups',
      headers: bearer(f.tokens.editor),
      payload: { title: 'Mine', organisation: 'gmca', schema: TOILETS_SCHEMA },
    });
    expect(createAsCouncil.statusCode).toBe(403);
    const asSiteAdmin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/rollups/public-toilets/rebuild',
      headers: bearer(f.tokens.admin),
    });
    expect(asSiteAdmin.statusCode).toBe(202);
    expect(asSiteAdmin.json()).toEqual({ queued: true });
    // Everyone reads it; the list too.
    const list = await t.app.inject({ url: '/api/v1/rollups' });
    expect(
      list.json<{ total: number; results: { counts: Record<string, number> }[] }>(),
    ).toMatchObject({
      total: 1,
      results: [{ counts: { members: 3, included: 2, failing: 1, missing: 1 } }],
    });
  });

  it('refuses a schema it cannot check, saying where', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/rollups',
      headers: bearer(region.caToken),
      payload: {
        title: 'Broken',
        organisation: 'gmca',
        schema: {
          fields: [
            { name: 'publisher', type: 'string' },
            { name: 'When', type: 'date', format: 'dd/mm' },
          ],
        },
      },
    });
    expect(res.statusCode).toBe(422);
    const fields = res
      .json<{ error: { details: { field: string }[] } }>()
      .error.details.map((d) => d.field);
    expect(fields).toEqual(['schema.fields[0].name', 'schema.fields[1].format']);
    expect((await t.app.inject({ url: '/api/v1/rollups' })).json<{ total: number }>().total).toBe(
      1,
    );
  });

  it('shows who is in, missing and failing on its page', async () => {
    const page = await t.app.inject({ url: '/rollups/public-toilets' });
    expect(page.statusCode).toBe(200);
    const html = $(page.body);
    expect(html('#in').text()).toContain('Bolton Council');
    expect(html('#in').text()).toContain('Wigan Council');
    expect(html('#missing').text()).toContain('Salford City Council');
    const failing = html('#failing').text();
    expect(failing).toContain('Bury Council');
    expect(failing).toContain('There is no LocationText column');
    expect(html('a[href="/datasets/public-toilets"]').length).toBeGreaterThan(0);
    const list = await t.app.inject({ url: '/rollups' });
    expect($(list.body)('a[href="/rollups/public-toilets"]').text()).toContain(
      'Public toilets across the region',
    );
  });
});

describe('the roll-up pages for administrators', () => {
  it('creates a roll-up from the form, and refuses a schema that is not JSON', async () => {
    const page = new PageClient(t.app);
    await page.signIn('admin@gmca.example', ROLLUP_ADMIN_PASSWORD);
    const bad = await page.post('/publish/rollups/new', {
      organisation: 'gmca',
      title: 'Street works',
      schema: '{ not json',
      expected: ['bolton'],
    });
    expect(bad.statusCode).toBe(422);
    expect($(bad.body)('.govuk-error-summary').text()).toContain('The schema is not JSON');
    const good = await page.post('/publish/rollups/new', {
      organisation: 'gmca',
      title: 'Street works',
      schema: JSON.stringify(TOILETS_SCHEMA),
      expected: ['bolton', 'wigan'],
    });
    expect(good.statusCode).toBe(303);
    expect(good.headers.location).toBe('/rollups/street-works');
    const added = await page.post(
      '/publish/rollups/street-works/members',
      { resource: `http://metrodata.test/resources/${ids.bolton ?? ''}` },
      { from: '/rollups/street-works' },
    );
    expect(added.statusCode).toBe(303);
    await drain();
    const shown = $((await page.get('/rollups/street-works')).body);
    expect(shown('#in').text()).toContain('Bolton Council');
    expect(shown('#missing').text()).toContain('Wigan Council');
    expect(shown('#missing').text()).not.toContain('Salford');
  });

  it('does not offer the form to a council’s editor', async () => {
    const res = await t.app.inject({
      url: '/publish/rollups/new',
      headers: bearer(f.tokens.editor),
    });
    expect(res.statusCode).toBe(403);
  });
});
