import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, setPassword } from '../../src/features/accounts/index.js';
import {
  insertItem,
  insertRun,
  updateSource,
} from '../../src/features/harvest/harvest.repository.js';
import { addMemberToOrganisation } from '../../src/features/organisations/index.js';
import { newId, now } from '../../src/platform/ids.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { seedFixture } from '../helpers/fixture.js';
import { $, h1, PageClient, signedInAs } from '../helpers/pages.js';

// The administrators' harvest pages, used as a person does: signed in, through the forms.

const PASSWORD = 'correct horse battery staple';
const PEOPLE = {
  siteAdmin: 'admin@example.org',
  boltonAdmin: 'boss@bolton.example',
  resident: 'resident@example.org',
  wiganEditor: 'editor@wigan.example',
};

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedFixture(t.ctx);
  await createUser(t.ctx, { email: PEOPLE.boltonAdmin, name: 'Boss' });
  await addMemberToOrganisation(t.ctx, PEOPLE.boltonAdmin, 'bolton', 'admin');
  for (const email of Object.values(PEOPLE)) await setPassword(t.ctx, email, PASSWORD);
});
afterAll(async () => {
  await t.close();
});

const signedIn = (email: string) => signedInAs(t.app, email, PASSWORD);

const VALID = {
  organisation: 'bolton',
  title: 'Bolton’s portal',
  type: 'ckan',
  url: 'https://data.bolton.example/',
  schedule: 'daily',
  'filter-organisation': '',
  'filter-tag': 'transport',
  'filter-query': '',
  licence: 'OGL-UK-3.0',
};

async function addSource(browser: PageClient, form: Record<string, string> = VALID) {
  const res = await browser.post('/publish/harvest/new', form);
  expect(res.statusCode, res.body).toBe(303);
  return String(res.headers.location);
}

describe('adding a harvest source', () => {
  it('refuses an empty title and a javascript: URL, naming the fields and keeping the input', async () => {
    const admin = await signedIn(PEOPLE.boltonAdmin);
    const form = await admin.get('/publish/harvest/new');
    expect(form.statusCode).toBe(200);
    // A Bolton administrator is offered Bolton only.
    const orgs = $(form.body)('#organisation option')
      .map((_, o) => $(form.body)(o).attr('value'))
      .get();
    expect(orgs).toEqual(['bolton']);

    const res = await admin.post('/publish/harvest/new', {
      ...VALID,
      title: ' ',
      url: 'javascript:alert(1)',
      'filter-tag': 'buses',
    });
    expect(res.statusCode).toBe(422);
    const page = $(res.body);
    expect(page('title').text()).toMatch(/^Error: /);
    const summary = page('.govuk-error-summary');
    expect(summary.find('a[href="#title"]').text()).toBe('Enter a title');
    expect(summary.find('a[href="#url"]').text()).toMatch(/address, starting with https:\/\//);
    expect(page('#title-error').text()).toMatch(/Enter a title/);
    expect(page('#url').val()).toBe('javascript:alert(1)');
    expect(page('#filter-tag').val()).toBe('buses');
    expect(page('input[name="type"][value="ckan"]').attr('checked')).toBeDefined();
    expect(page('#schedule option[selected]').attr('value')).toBe('daily');
  });

  it('asks for the type and the organisation when none is chosen', async () => {
    const admin = await signedIn(PEOPLE.siteAdmin);
    const res = await admin.post('/publish/harvest/new', { ...VALID, organisation: '', type: '' });
    expect(res.statusCode).toBe(422);
    const summary = $(res.body)('.govuk-error-summary');
    expect(summary.find('a[href="#organisation"]').text()).toBe('Select the organisation');
    expect(summary.find('a[href="#type"]').text()).toBe('Select the type of portal');
  });

  it('creates the source and lands on its page; "Run now" queues once', async () => {
    const admin = await signedIn(PEOPLE.boltonAdmin);
    const location = await addSource(admin);
    expect(location).toMatch(/^\/publish\/harvest\/[0-9a-f-]{36}$/);
    const page = await admin.get(location);
    expect(page.statusCode).toBe(200);
    expect(h1(page.body)).toBe('Bolton’s portal');
    const details = $(page.body)('.govuk-summary-list').text();
    expect(details).toContain('Bolton Council');
    expect(details).toContain('Every day');
    expect(details).toContain('tag transport');
    expect(details).toContain('Open Government Licence v3.0');
    expect($(page.body)('.govuk-notification-banner').text()).toContain('was added');

    const run = await admin.post(`${location}/run`, {}, { from: location });
    expect(run.statusCode).toBe(303);
    expect(run.headers.location).toBe(location);
    const after = await admin.get(location);
    expect($(after.body)('.govuk-notification-banner').text()).toContain('A run was queued');
    await admin.post(`${location}/run`, {}, { from: location });
    const again = await admin.get(location);
    expect($(again.body)('.govuk-notification-banner').text()).toContain(
      'A run is already waiting',
    );
  });
});

describe('the list, a run, and who may see them', () => {
  let sourceId: string;
  let runId: string;

  beforeAll(async () => {
    const admin = await signedIn(PEOPLE.boltonAdmin);
    const location = await addSource(admin, { ...VALID, title: 'Flaky portal', schedule: '' });
    sourceId = location.slice('/publish/harvest/'.length);
    await updateSource(t.ctx.db.kysely, sourceId, { consecutive_failures: 3 });
    runId = newId();
    await insertRun(t.ctx.db.kysely, {
      id: runId,
      source_id: sourceId,
      status: 'succeeded',
      created: 4,
      updated: 1,
      unchanged: 7,
      withdrawn: 0,
      failed: 1,
      error: null,
      truncated: 0,
      started_by: null,
      started_at: now(),
      finished_at: now(),
    });
    for (const [action, error] of [
      ['created', null],
      ['failed', 'The record has no title'],
    ] as const) {
      await insertItem(t.ctx.db.kysely, {
        id: newId(),
        run_id: runId,
        identifier: `ds-${action}`,
        dataset_id: null,
        action,
        error,
        created_at: now(),
      });
    }
  });

  it('lists the sources with their schedule, last run and failing tag', async () => {
    const admin = await signedIn(PEOPLE.boltonAdmin);
    const home = await admin.get('/publish');
    expect($(home.body)('a[href="/publish/harvest"]').text()).toBe('Harvest sources');
    const res = await admin.get('/publish/harvest');
    expect(res.statusCode).toBe(200);
    const row = $(res.body)(`tr[data-source="${sourceId}"]`);
    expect(row.find('a').attr('href')).toBe(`/publish/harvest/${sourceId}`);
    expect(row.text()).toContain('Flaky portal');
    expect(row.text()).toContain('Bolton Council');
    expect(row.text()).toContain('CKAN');
    expect(row.text()).toContain('By hand');
    expect(row.find('.govuk-tag--red').text().trim()).toBe('Failing');
    expect(row.find('.govuk-tag--green').text().trim()).toBe('Succeeded');
    expect($(res.body)('a.govuk-button[href="/publish/harvest/new"]').text()).toContain(
      'Add a harvest source',
    );
  });

  it('shows a run’s counts and its items’ errors, linked from the source', async () => {
    const admin = await signedIn(PEOPLE.siteAdmin);
    const source = await admin.get(`/publish/harvest/${sourceId}`);
    expect($(source.body)(`tr[data-run="${runId}"] a`).attr('href')).toBe(
      `/publish/harvest/runs/${runId}`,
    );
    const res = await admin.get(`/publish/harvest/runs/${runId}`);
    expect(res.statusCode).toBe(200);
    const counts = $(res.body)('.app-harvest-counts').text().replace(/\s+/g, ' ');
    expect(counts).toContain('Created 4');
    expect(counts).toContain('Unchanged 7');
    expect(counts).toContain('Failed 1');
    expect($(res.body)('.app-harvest-item-error').text()).toContain('The record has no title');
    expect($(res.body)('tbody').text()).toContain('ds-failed');
  });

  it('refuses a resident and others’ editors, and sends a visitor to sign in', async () => {
    const anonymous = await new PageClient(t.app).get('/publish/harvest');
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/sign-in?next=%2Fpublish%2Fharvest');
    const resident = await signedIn(PEOPLE.resident);
    expect((await resident.get('/publish/harvest')).statusCode).toBe(403);
    expect((await resident.get('/publish/harvest/new')).statusCode).toBe(403);
    const home = await resident.get('/publish');
    expect($(home.body)('a[href="/publish/harvest"]')).toHaveLength(0);
    const wigan = await signedIn(PEOPLE.wiganEditor);
    expect((await wigan.get(`/publish/harvest/${sourceId}`)).statusCode).toBe(404);
    expect((await wigan.get(`/publish/harvest/runs/${runId}`)).statusCode).toBe(404);
    const csrf = await wigan.csrfFrom('/account/tokens');
    const run = await wigan.post(`/publish/harvest/${sourceId}/run`, {}, { csrf });
    expect(run.statusCode).toBe(404);
    const forged = await (
      await signedIn(PEOPLE.boltonAdmin)
    ).post(`/publish/harvest/${sourceId}/run`, {}, { csrf: null });
    expect(forged.statusCode).toBe(403);
  });
});
