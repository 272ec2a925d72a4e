import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, setPassword } from '../../src/features/accounts/index.js';
import { insertHarvested, updateSource } from '../../src/features/harvest/harvest.repository.js';
import { addMemberToOrganisation } from '../../src/features/organisations/index.js';
import { now } from '../../src/platform/ids.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { seedFixture } from '../helpers/fixture.js';
import { $, h1, PageClient, signedInAs } from '../helpers/pages.js';

// Changing, disabling and deleting a harvest source on its pages, and what a harvested
// dataset's pages say about where it came from.

const PASSWORD = 'correct horse battery staple';
const BOSS = 'boss@bolton.example';
const WIGAN = 'editor@wigan.example';
const BOLTON_EDITOR = 'editor@bolton.example';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedFixture(t.ctx);
  await createUser(t.ctx, { email: BOSS, name: 'Boss' });
  await addMemberToOrganisation(t.ctx, BOSS, 'bolton', 'admin');
  for (const email of [BOSS, WIGAN, BOLTON_EDITOR]) await setPassword(t.ctx, email, PASSWORD);
});
afterAll(async () => {
  await t.close();
});

const signedIn = (email: string) => signedInAs(t.app, email, PASSWORD);

const SOURCE = {
  organisation: 'bolton',
  title: 'Bolton’s portal',
  type: 'ckan',
  url: 'https://data.bolton.example/',
  schedule: 'daily',
  'filter-organisation': '',
  'filter-tag': '',
  'filter-query': '',
  licence: '',
};

async function addSource(browser: PageClient, title = SOURCE.title): Promise<string> {
  const res = await browser.post('/publish/harvest/new', { ...SOURCE, title });
  expect(res.statusCode, res.body).toBe(303);
  return String(res.headers.location).slice('/publish/harvest/'.length);
}

const editForm = (changes: Record<string, string>) => ({ ...SOURCE, cron: '', ...changes });

describe('changing a harvest source on its page', () => {
  it('shows the source as it is, and refuses an empty title and a bad cron expression', async () => {
    const boss = await signedIn(BOSS);
    const id = await addSource(boss);
    const form = await boss.get(`/publish/harvest/${id}/edit`);
    expect(form.statusCode).toBe(200);
    const page = $(form.body);
    expect(page('#title').val()).toBe('Bolton’s portal');
    expect(page('#schedule option[selected]').attr('value')).toBe('daily');

    const bad = await boss.post(`/publish/harvest/${id}/edit`, {
      ...editForm({ title: ' ', schedule: 'cron', cron: '*/5 * * * *' }),
    });
    expect(bad.statusCode).toBe(422);
    const summary = $(bad.body)('.govuk-error-summary');
    expect(summary.find('a[href="#title"]').text()).toBe('Enter a title');
    expect(summary.find('a[href="#cron"]').text()).toMatch(
      /^Cron expression "\*\/5 \* \* \* \*" runs 5 minutes apart/,
    );
    expect($(bad.body)('#cron').val()).toBe('*/5 * * * *');

    const empty = await boss.post(`/publish/harvest/${id}/edit`, editForm({ schedule: 'cron' }));
    expect($(empty.body)('.govuk-error-summary a[href="#cron"]').text()).toBe(
      'Enter a cron expression, like 0 6 * * *',
    );
  });

  it('saves a cron schedule and shows it, in UTC, on the source page and the list', async () => {
    const boss = await signedIn(BOSS);
    const id = await addSource(boss, 'Early portal');
    const saved = await boss.post(
      `/publish/harvest/${id}/edit`,
      editForm({ title: 'Early portal', schedule: 'cron', cron: ' 0  6 * * * ' }),
    );
    expect(saved.statusCode, saved.body).toBe(303);
    expect(saved.headers.location).toBe(`/publish/harvest/${id}`);
    const page = await boss.get(`/publish/harvest/${id}`);
    expect($(page.body)('.govuk-notification-banner').text()).toContain('was changed');
    expect($(page.body)('.govuk-summary-list').text()).toContain('At cron 0 6 * * * (UTC)');
    const list = await boss.get('/publish/harvest');
    expect($(list.body)(`tr[data-source="${id}"]`).text()).toContain('At cron 0 6 * * * (UTC)');
  });

  it('turns loading data into the datastore on and off', async () => {
    const boss = await signedIn(BOSS);
    const id = await addSource(boss, 'Data portal');
    const form = $((await boss.get(`/publish/harvest/${id}/edit`)).body);
    expect(form('#load-data').is(':checked')).toBe(false);
    const on = editForm({ title: 'Data portal', 'load-data': 'yes' });
    expect((await boss.post(`/publish/harvest/${id}/edit`, on)).statusCode).toBe(303);
    const page = $((await boss.get(`/publish/harvest/${id}`)).body);
    expect(page('.govuk-summary-list').text()).toMatch(/Load data into the datastore\s*Yes/);
    const again = $((await boss.get(`/publish/harvest/${id}/edit`)).body);
    expect(again('#load-data').is(':checked')).toBe(true);
    const off = editForm({ title: 'Data portal' });
    expect((await boss.post(`/publish/harvest/${id}/edit`, off)).statusCode).toBe(303);
    const after = $((await boss.get(`/publish/harvest/${id}`)).body);
    expect(after('.govuk-summary-list').text()).toMatch(/Load data into the datastore\s*No/);
  });

  it('refuses the form to another organisation’s editor with a 403 page', async () => {
    const id = await addSource(await signedIn(BOSS), 'Guarded portal');
    const wigan = await signedIn(WIGAN);
    const res = await wigan.get(`/publish/harvest/${id}/edit`);
    expect(res.statusCode).toBe(403);
    expect(h1(res.body)).toBeTruthy();
    expect((await wigan.get(`/publish/harvest/${id}/delete`)).statusCode).toBe(403);
  });
});

describe('disabling, flagging and deleting a source', () => {
  it('disables a source: tagged, no "Run now", and enabled again with one button', async () => {
    const boss = await signedIn(BOSS);
    const id = await addSource(boss, 'Paused portal');
    const off = await boss.post(
      `/publish/harvest/${id}/disable`,
      {},
      { from: `/publish/harvest/${id}` },
    );
    expect(off.statusCode).toBe(303);
    const page = $((await boss.get(`/publish/harvest/${id}`)).body);
    expect(page('h1 .govuk-tag--grey').text().trim()).toBe('Disabled');
    expect(page('.govuk-notification-banner').text()).toContain('is disabled');
    expect(page(`form[action="/publish/harvest/${id}/run"]`)).toHaveLength(0);
    expect(page(`form[action="/publish/harvest/${id}/enable"] button`).text().trim()).toBe(
      'Enable',
    );
    const list = $((await boss.get('/publish/harvest')).body);
    expect(list(`tr[data-source="${id}"] .govuk-tag--grey`).text().trim()).toBe('Disabled');

    await boss.post(`/publish/harvest/${id}/enable`, {}, { from: `/publish/harvest/${id}` });
    const again = $((await boss.get(`/publish/harvest/${id}`)).body);
    expect(again(`form[action="/publish/harvest/${id}/run"]`)).toHaveLength(1);
  });

  it('flags a failing source on the list and its page', async () => {
    const boss = await signedIn(BOSS);
    const id = await addSource(boss, 'Flaky portal');
    await updateSource(t.ctx.db.kysely, id, { consecutive_failures: 4 });
    const list = $((await boss.get('/publish/harvest')).body);
    expect(list('.app-harvest-failing').text()).toMatch(/1 of your sources is failing/);
    const page = $((await boss.get(`/publish/harvest/${id}`)).body);
    expect(page('.app-harvest-failing').text()).toContain('The last 4 runs of this source failed');
  });

  it('asks before deleting, keeps the datasets by default, and says so', async () => {
    const boss = await signedIn(BOSS);
    const id = await addSource(boss, 'Old portal');
    const bus = await t.ctx.db.kysely
      .selectFrom('datasets')
      .select('id')
      .where('slug', '=', 'fly-tipping-reports')
      .executeTakeFirstOrThrow();
    await insertHarvested(t.ctx.db.kysely, {
      dataset_id: bus.id,
      source_id: id,
      identifier: 'fly-tipping',
      metadata_hash: 'x',
      harvested_at: now(),
      withdrawn_at: null,
    });
    const ask = await boss.get(`/publish/harvest/${id}/delete`);
    expect(ask.statusCode).toBe(200);
    const page = $(ask.body);
    expect(h1(ask.body)).toBe('Delete “Old portal”?');
    expect(page('legend').text()).toContain('What happens to the 1 dataset it harvested?');
    expect(page('input[name="datasets"][value="keep"]').attr('checked')).toBeDefined();

    const done = await boss.post(`/publish/harvest/${id}/delete`, { datasets: 'keep' });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/publish/harvest');
    const list = $((await boss.get('/publish/harvest')).body);
    expect(list('.govuk-notification-banner').text()).toContain(
      'Its 1 dataset stays in the catalogue, no longer harvested.',
    );
    expect(list(`tr[data-source="${id}"]`)).toHaveLength(0);
    expect((await new PageClient(t.app).get('/datasets/fly-tipping-reports')).statusCode).toBe(200);
  });
});

describe('a harvested dataset’s pages', () => {
  it('says where it was harvested from, and warns its editors what a harvest overwrites', async () => {
    const boss = await signedIn(BOSS);
    const id = await addSource(boss, 'Bolton CKAN');
    const dataset = await t.ctx.db.kysely
      .selectFrom('datasets')
      .select('id')
      .where('slug', '=', 'bus-punctuality')
      .executeTakeFirstOrThrow();
    await insertHarvested(t.ctx.db.kysely, {
      dataset_id: dataset.id,
      source_id: id,
      identifier: 'bus-punctuality-2026',
      metadata_hash: 'x',
      harvested_at: '2026-03-04T10:20:00.000Z',
      withdrawn_at: null,
    });
    const visitor = await new PageClient(t.app).get('/datasets/bus-punctuality');
    expect($(visitor.body)('.app-harvest-origin').text().replace(/\s+/g, ' ')).toBe(
      'Harvested from Bolton CKAN (https://data.bolton.example/), last harvested 4 March 2026.',
    );
    expect($(visitor.body)('.app-harvest-origin a').attr('href')).toBe(
      'https://data.bolton.example/',
    );
    const other = await new PageClient(t.app).get('/datasets/fly-tipping-reports');
    expect($(other.body)('.app-harvest-origin')).toHaveLength(0);

    const editor = await signedIn(BOLTON_EDITOR);
    const edit = await editor.get('/publish/datasets/bus-punctuality/edit');
    expect(edit.statusCode).toBe(200);
    const warning = $(edit.body)('.app-harvest-warning').text().replace(/\s+/g, ' ');
    expect(warning).toContain('This dataset is harvested from Bolton CKAN');
    expect(warning).toContain(
      'overwrites its title, description, licence, tags, source, update frequency, time covered, contact, links',
    );
    expect(warning).toContain('Change them at the source.');
  });
});
