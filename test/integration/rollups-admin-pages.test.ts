import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rollupJobHandlers } from '../../src/features/rollups/index.js';
import { runDueJobs } from '../../src/platform/jobs/jobs.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, seedFixture, type Fixture } from '../helpers/fixture.js';
import { $, h1, signedInAs, type PageClient } from '../helpers/pages.js';
import {
  councilToilets,
  GOOD_CSV,
  ROLLUP_ADMIN_PASSWORD,
  seedRollupRegion,
  TOILETS_SCHEMA,
  type RollupRegion,
} from '../helpers/rollup-fixture.js';

// The administrators' pages for changing and deleting a roll-up, as a person without
// JavaScript uses them: plain form posts with the CSRF token, errors in the GOV.UK summary, a
// confirmation page before deleting, and what happened said on the next page.

let t: TestApp;
let f: Fixture;
let region: RollupRegion;
let dir: string;
let admin: PageClient;
let boltonToilets: string;

const drain = () => runDueJobs(t.ctx.db, rollupJobHandlers(t.ctx));
const flash = (html: string) => $(html)('.govuk-notification-banner').text();

/** A roll-up with Bolton's toilets in it, built. */
async function rollupWithBolton(slug: string): Promise<string> {
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/rollups',
    headers: bearer(region.caToken),
    payload: { slug, title: `Toilets (${slug})`, organisation: 'gmca', schema: TOILETS_SCHEMA },
  });
  expect(created.statusCode).toBe(201);
  await t.app.inject({
    method: 'POST',
    url: `/api/v1/rollups/${slug}/members`,
    headers: bearer(region.caToken),
    payload: { resource_id: boltonToilets },
  });
  await drain();
  return created.json<{ dataset: string }>().dataset;
}

beforeAll(async () => {
  t = await createTestApp();
  f = await seedFixture(t.ctx);
  region = await seedRollupRegion(t.ctx);
  dir = await mkdtemp(path.join(tmpdir(), 'rollups-pages-test-'));
  boltonToilets = await councilToilets(t.ctx, region.siteAdmin, dir, 'bolton', GOOD_CSV);
  admin = await signedInAs(t.app, 'admin@gmca.example', ROLLUP_ADMIN_PASSWORD);
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

describe('changing a roll-up on its page', () => {
  it('offers the change and delete links to its administrators only', async () => {
    await rollupWithBolton('toilets');
    const own = $((await admin.get('/rollups/toilets')).body);
    expect(own('a[href="/publish/rollups/toilets/edit"]').length).toBe(1);
    expect(own('a[href="/publish/rollups/toilets/delete"]').length).toBe(1);
    const visitor = $((await t.app.inject({ url: '/rollups/toilets' })).body);
    expect(visitor('a[href="/publish/rollups/toilets/edit"]').length).toBe(0);
    const council = await t.app.inject({
      url: '/publish/rollups/toilets/edit',
      headers: bearer(f.tokens.editor),
    });
    expect(council.statusCode).toBe(403);
  });

  it('shows every problem in the error summary, keeping what was typed', async () => {
    const form = $((await admin.get('/publish/rollups/toilets/edit')).body);
    expect(form('#title').val()).toBe('Toilets (toilets)');
    expect(String(form('#schema').val())).toContain('"ExtractDate"');
    const empty = await admin.post('/publish/rollups/toilets/edit', {
      title: '',
      description: 'Kept as typed',
      schema: '{ not json',
    });
    expect(empty.statusCode).toBe(422);
    const page = $(empty.body);
    const summary = page('.govuk-error-summary').text();
    expect(summary).toContain('Enter a title');
    expect(summary).toContain('The schema is not JSON');
    expect(page('#description').val()).toBe('Kept as typed');
    const clash = await admin.post(
      '/publish/rollups/toilets/edit',
      {
        title: 'Toilets',
        schema: JSON.stringify({ fields: [{ name: 'publisher', type: 'string' }] }),
      },
      { from: '/publish/rollups/toilets/edit' },
    );
    expect(clash.statusCode).toBe(422);
    expect($(clash.body)('.govuk-error-summary').text()).toContain(
      'In the schema, field 1 (name): publisher is the column the roll-up adds',
    );
  });

  it('saves a change and says so, and a new schema checks the members again', async () => {
    const saved = await admin.post('/publish/rollups/toilets/edit', {
      title: 'Public toilets in Bolton and Bury',
      description: 'Two boroughs.',
      schema: JSON.stringify({ ...TOILETS_SCHEMA, fields: TOILETS_SCHEMA.fields.slice(0, 2) }),
      expected: ['bolton', 'bury'],
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/rollups/toilets');
    const shown = await admin.get('/rollups/toilets');
    expect(h1(shown.body)).toBe('Public toilets in Bolton and Bury');
    expect(flash(shown.body)).toContain('checked against the new schema');
    const html = $(shown.body);
    expect(html('#in').text()).toContain('Not checked yet');
    expect(html('#missing').text()).toContain('Bury Council');
    expect(html('#missing').text()).not.toContain('Wigan');
    await drain();
    expect($((await admin.get('/rollups/toilets')).body)('#in').text()).toContain('Passes');
  });

  it('refuses a post without the form’s CSRF token', async () => {
    const res = await admin.post(
      '/publish/rollups/toilets/edit',
      { title: 'Forged', schema: JSON.stringify(TOILETS_SCHEMA) },
      { csrf: null },
    );
    expect(res.statusCode).toBe(403);
    expect(h1((await t.app.inject({ url: '/rollups/toilets' })).body)).toBe(
      'Public toilets in Bolton and Bury',
    );
  });
});

describe('deleting a roll-up from its confirmation page', () => {
  it('says what happens, and keeps the combined dataset by default', async () => {
    const dataset = await rollupWithBolton('kept');
    const confirm = await admin.get('/publish/rollups/kept/delete');
    expect(confirm.statusCode).toBe(200);
    const page = $(confirm.body);
    expect(page('h1').text()).toBe('Delete “Toilets (kept)”?');
    expect(page('#members-kept').text()).toContain('The councils’ own datasets are not touched');
    expect(page('input[name="dataset"][value="keep"]').is(':checked')).toBe(true);
    expect(page('input[name="dataset"][value="withdraw"]').length).toBe(1);
    const done = await admin.post(
      '/publish/rollups/kept/delete',
      { dataset: 'keep' },
      { from: '/publish/rollups/kept/delete' },
    );
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/rollups');
    const list = await admin.get('/rollups');
    expect(flash(list.body)).toContain('stays in the catalogue as last built, no longer rebuilt');
    expect($(list.body)('a[href="/rollups/kept"]').length).toBe(0);
    expect((await t.app.inject({ url: '/rollups/kept' })).statusCode).toBe(404);
    const kept = await t.app.inject({ url: `/datasets/${dataset}` });
    expect(kept.statusCode).toBe(200);
    expect(kept.body).toContain('no longer rebuilt');
    expect((await t.app.inject({ url: '/datasets/bolton-public-toilets' })).statusCode).toBe(200);
  });

  it('lists what is built on the combined table, and withdraws the dataset when chosen', async () => {
    const dataset = await rollupWithBolton('gone');
    const rollup = (await t.app.inject({ url: '/api/v1/rollups/gone' })).json<{
      resource_id: string;
    }>();
    const indicator = await t.app.inject({
      method: 'POST',
      url: '/api/v1/indicators',
      headers: bearer(region.caToken),
      payload: {
        slug: 'toilets-by-borough',
        title: 'Toilets by borough',
        resource_id: rollup.resource_id,
        query: { date: { field: 'ExtractDate' }, value: { fn: 'count' }, group: 'publisher' },
        baseline: { value: 3, date: '2024-06-01' },
        target: { value: 10, date: '2028-05-01' },
      },
    });
    expect(indicator.statusCode).toBe(201);
    const confirm = $((await admin.get('/publish/rollups/gone/delete')).body);
    expect(confirm('#dependents a[href="/indicators/toilets-by-borough"]').text()).toBe(
      'Toilets by borough',
    );
    const done = await admin.post(
      '/publish/rollups/gone/delete',
      { dataset: 'withdraw' },
      { from: '/publish/rollups/gone/delete' },
    );
    expect(done.statusCode).toBe(303);
    expect(flash((await admin.get('/rollups')).body)).toContain('was withdrawn');
    expect((await t.app.inject({ url: `/datasets/${dataset}` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/datasets/bolton-public-toilets' })).statusCode).toBe(200);
  });

  it('is not offered to a council’s editor', async () => {
    const res = await t.app.inject({
      url: '/publish/rollups/toilets/delete',
      headers: bearer(f.tokens.editor),
    });
    expect(res.statusCode).toBe(403);
    expect((await t.app.inject({ url: '/rollups/toilets' })).statusCode).toBe(200);
  });
});
