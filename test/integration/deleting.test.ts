import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/features/accounts/index.js';
import { addMemberToOrganisation } from '../../src/features/organisations/index.js';
import { sweepBlobGarbage } from '../../src/platform/blobs/garbage-sweeper.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, seedFixture, type Fixture } from '../helpers/fixture.js';
import {
  coverageCsv,
  coverageRows,
  seedCombinedAuthorityEditor,
  uploadCsv,
} from '../helpers/indicator-fixture.js';
import { $, h1, PageClient } from '../helpers/pages.js';

// Deleting resources, indicators, dashboards and promises: by the API and by the publisher's
// pages, only by those the policy allows, recorded in the activity log; a resource's files
// stop being served at once and leave the blob store with the background sweep.

let t: TestApp;
let fx: Fixture;
let caToken: string;
const PASSWORD = 'a long enough passphrase';

const api = (method: 'DELETE' | 'GET' | 'POST', url: string, token?: string, payload?: object) =>
  t.app.inject({
    method,
    url,
    headers: token ? bearer(token) : {},
    ...(payload ? { payload } : {}),
  });

async function loadedResource(): Promise<string> {
  const res = await uploadCsv(
    t,
    '/api/v1/datasets/bus-punctuality/resources?wait=true',
    fx.tokens.editor,
    coverageCsv(coverageRows(2)),
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

async function blobKeysOf(resourceId: string): Promise<string[]> {
  const keys: string[] = [];
  for (const prefix of [`resources/${resourceId}/`, `datastore/${resourceId}/`]) {
    const root = t.ctx.blobs.localPath(prefix) ?? '';
    const names = await readdir(root, { recursive: true }).catch(() => []);
    keys.push(...names.map((n) => `${prefix}${n}`));
  }
  return keys;
}

async function activity(action: string) {
  return t.ctx.db.kysely
    .selectFrom('activities')
    .selectAll()
    .where('action', '=', action)
    .orderBy('id', 'desc')
    .execute();
}

async function indicatorOver(resourceId: string, slug: string) {
  const res = await api('POST', '/api/v1/indicators', caToken, {
    slug,
    title: `Coverage ${slug}`,
    description: 'Premises with full fibre',
    unit: '%',
    direction: 'up',
    resource_id: resourceId,
    query: { date: { field: 'quarter' }, value: { fn: 'avg', field: 'pct' } },
    baseline: { value: 20, date: '2022-01-01' },
    target: { value: 60, date: '2024-01-01' },
  });
  expect(res.statusCode, res.body).toBe(201);
}

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedFixture(t.ctx);
  caToken = await seedCombinedAuthorityEditor(t.ctx);
  await createUser(t.ctx, { email: 'clerk@bolton.example', name: 'Clerk', password: PASSWORD });
  await addMemberToOrganisation(t.ctx, 'clerk@bolton.example', 'bolton', 'editor');
  await createUser(t.ctx, { email: 'cdo@gmca.example', name: 'CDO', password: PASSWORD });
  await addMemberToOrganisation(t.ctx, 'cdo@gmca.example', 'gmca', 'editor');
});
afterAll(() => t.close());

describe('deleting a resource', () => {
  it('is refused to those who cannot change the dataset', async () => {
    const id = await loadedResource();
    expect((await api('DELETE', `/api/v1/resources/${id}`)).statusCode).toBe(401);
    expect((await api('DELETE', `/api/v1/resources/${id}`, fx.tokens.member)).statusCode).toBe(403);
    expect((await api('DELETE', `/api/v1/resources/${id}`, fx.tokens.otherEditor)).statusCode).toBe(
      403,
    );
    expect(
      (await api('DELETE', `/api/v1/resources/${id}`, fx.tokens.readOnlyEditor)).statusCode,
    ).toBe(403);
    expect((await api('GET', `/api/v1/resources/${id}/download`)).statusCode).toBe(200);
  });

  it('stops serving its file and data at once, and the sweep removes its blobs', async () => {
    const id = await loadedResource();
    const keys = await blobKeysOf(id);
    expect(keys.some((k) => k.startsWith('resources/'))).toBe(true);
    expect(keys.some((k) => k.endsWith('.parquet'))).toBe(true);

    const res = await api('DELETE', `/api/v1/resources/${id}`, fx.tokens.editor);
    expect(res.statusCode, res.body).toBe(204);
    for (const url of [
      `/api/v1/resources/${id}`,
      `/api/v1/resources/${id}/download`,
      `/api/v1/resources/${id}/query`,
      `/api/v1/resources/${id}/export.csv`,
      `/resources/${id}`,
    ]) {
      expect((await t.app.inject(url)).statusCode, url).toBe(404);
    }
    const dataset = (await api('GET', '/api/v1/datasets/bus-punctuality')).json<{
      resources: { id: string }[];
    }>();
    expect(dataset.resources.map((r) => r.id)).not.toContain(id);

    const [record] = await activity('resource.deleted');
    expect(record).toMatchObject({ subject_id: id, subject_type: 'resource' });
    expect(JSON.parse(record?.diff ?? '{}')).toMatchObject({
      name: { to: null },
      format: { from: 'CSV' },
    });

    // Until the sweep runs the files are still there, unreachable; then they are gone.
    expect(await blobKeysOf(id)).toEqual(keys);
    await sweepBlobGarbage(t.ctx.db.kysely, t.ctx.blobs);
    expect(await blobKeysOf(id)).toEqual([]);
  });

  it('says which indicators would break, and deletes only when forced', async () => {
    const id = await loadedResource();
    await indicatorOver(id, 'doomed-coverage');
    const refused = await api('DELETE', `/api/v1/resources/${id}`, fx.tokens.editor);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      error: {
        code: 'has_dependents',
        details: { dependents: [{ kind: 'indicator', title: 'Coverage doomed-coverage' }] },
      },
    });
    expect((await api('GET', `/api/v1/resources/${id}`)).statusCode).toBe(200);
    const forced = await api('DELETE', `/api/v1/resources/${id}?force=true`, fx.tokens.editor);
    expect(forced.statusCode, forced.body).toBe(204);
    const listed = (await api('GET', '/api/v1/indicators?per_page=1000')).json<{
      results: { slug: string }[];
    }>();
    expect(listed.results.map((i) => i.slug)).not.toContain('doomed-coverage');
  });

  it('is confirmed on a page that lists what breaks, then says it is done', async () => {
    const id = await loadedResource();
    await indicatorOver(id, 'page-coverage');
    const browser = new PageClient(t.app);
    await browser.signIn('clerk@bolton.example', PASSWORD);
    const confirm = await browser.get(`/publish/resources/${id}/delete`);
    expect(confirm.statusCode).toBe(200);
    expect(h1(confirm.body)).toMatch(/^Delete the resource “c\.csv”\?$/);
    expect($(confirm.body)('main').text()).toContain('Coverage page-coverage');
    expect($(confirm.body)('a:contains("Cancel")').attr('href')).toBe(
      '/publish/datasets/bus-punctuality',
    );

    const done = await browser.post(
      `/publish/resources/${id}/delete`,
      { force: 'true' },
      {
        from: `/publish/resources/${id}/delete`,
      },
    );
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/publish/datasets/bus-punctuality');
    const after = await browser.get('/publish/datasets/bus-punctuality');
    expect($(after.body)('.govuk-notification-banner').text()).toContain('“c.csv” was deleted');
    // Shown once: a reload does not repeat it.
    const again = await browser.get('/publish/datasets/bus-punctuality');
    expect($(again.body)('.govuk-notification-banner').length).toBe(0);
    expect((await api('GET', `/api/v1/resources/${id}`)).statusCode).toBe(404);
  });

  it('needs the form’s CSRF token', async () => {
    const id = await loadedResource();
    const browser = new PageClient(t.app);
    await browser.signIn('clerk@bolton.example', PASSWORD);
    const forged = await browser.post(`/publish/resources/${id}/delete`, {}, { csrf: null });
    expect(forged.statusCode).toBe(403);
    expect((await api('GET', `/api/v1/resources/${id}`)).statusCode).toBe(200);
  });
});

describe('deleting indicators and dashboards', () => {
  it('keeps a shown indicator unless forced, and records who deleted what', async () => {
    const id = await loadedResource();
    await indicatorOver(id, 'shown-coverage');
    const board = await api('POST', '/api/v1/dashboards', caToken, {
      slug: 'coverage-board',
      title: 'Coverage board',
      tiles: [{ kind: 'indicator', indicator: 'shown-coverage' }],
    });
    expect(board.statusCode, board.body).toBe(201);

    expect(
      (await api('DELETE', '/api/v1/indicators/shown-coverage', fx.tokens.editor)).statusCode,
    ).toBe(403);
    const refused = await api('DELETE', '/api/v1/indicators/shown-coverage', caToken);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      error: { details: { dependents: [{ kind: 'dashboard', title: 'Coverage board' }] } },
    });
    expect(
      (await api('DELETE', '/api/v1/indicators/shown-coverage?force=true', caToken)).statusCode,
    ).toBe(204);
    expect((await api('GET', '/api/v1/indicators/shown-coverage')).statusCode).toBe(404);
    // The dashboard stays, without the tile it can no longer show.
    const shown = await api('GET', '/api/v1/dashboards/coverage-board');
    expect(shown.statusCode, shown.body).toBe(200);
    expect((await activity('indicator.deleted'))[0]?.diff).toContain('shown-coverage');

    expect(
      (await api('DELETE', '/api/v1/dashboards/coverage-board', fx.tokens.member)).statusCode,
    ).toBe(403);
    expect((await api('DELETE', '/api/v1/dashboards/coverage-board', caToken)).statusCode).toBe(
      204,
    );
    expect((await api('GET', '/api/v1/dashboards/coverage-board')).statusCode).toBe(404);
    expect((await activity('dashboard.deleted'))[0]?.diff).toContain('coverage-board');
  });

  it('are confirmed on the publisher’s pages', async () => {
    const id = await loadedResource();
    await indicatorOver(id, 'paged-coverage');
    const browser = new PageClient(t.app);
    await browser.signIn('cdo@gmca.example', PASSWORD);
    const list = await browser.get('/publish/indicators');
    expect($(list.body)('a[href="/publish/indicators/paged-coverage/delete"]').length).toBe(1);
    const url = '/publish/indicators/paged-coverage/delete';
    expect(h1((await browser.get(url)).body)).toBe(
      'Delete the indicator “Coverage paged-coverage”?',
    );
    const done = await browser.post(url, {}, { from: url });
    expect(done.headers.location).toBe('/publish/indicators');
    const after = await browser.get('/publish/indicators');
    expect($(after.body)('.govuk-notification-banner').text()).toContain('was deleted');
    expect((await api('GET', '/api/v1/indicators/paged-coverage')).statusCode).toBe(404);
  });
});

describe('deleting a promise', () => {
  it('removes it and its history, leaving its indicators measuring nothing', async () => {
    const id = await loadedResource();
    const made = await api('POST', '/api/v1/promises', caToken, {
      title: 'Fibre to every school',
      quote: 'Every school will have full fibre.',
      source: { kind: 'manifesto', url: 'https://example.org/manifesto', date: '2024-04-01' },
      made_by: 'The mayor',
      owner: 'gmca',
      theme: 'digital-inclusion',
      deadline: { kind: 'none' },
    });
    expect(made.statusCode, made.body).toBe(201);
    const promise = made.json<{ id: string; slug: string }>();
    await indicatorOver(id, 'school-fibre');
    const attach = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/indicators/school-fibre',
      headers: bearer(caToken),
      payload: { promise_id: promise.id },
    });
    expect(attach.statusCode, attach.body).toBe(200);

    const url = `/api/v1/promises/${promise.slug}`;
    expect((await api('DELETE', url)).statusCode).toBe(401);
    expect((await api('DELETE', url, fx.tokens.editor)).statusCode).toBe(403);
    expect((await api('DELETE', url, caToken)).statusCode).toBe(204);
    expect((await api('GET', url)).statusCode).toBe(404);
    const indicator = await api('GET', '/api/v1/indicators/school-fibre');
    expect(indicator.json<{ promise_id: string | null }>().promise_id).toBeNull();
    const changes = await t.ctx.db.kysely
      .selectFrom('promise_status_changes')
      .select('id')
      .where('promise_id', '=', promise.id)
      .execute();
    expect(changes).toEqual([]);
    expect((await activity('promise.deleted'))[0]?.subject_id).toBe(promise.id);
  });

  it('is confirmed on a page, and the list says it is done', async () => {
    const made = await api('POST', '/api/v1/promises', caToken, {
      title: 'A promise made twice',
      quote: 'Recorded by mistake.',
      source: { kind: 'manifesto', url: 'https://example.org/manifesto', date: '2024-04-01' },
      made_by: 'The mayor',
      owner: 'gmca',
      theme: 'digital-inclusion',
      deadline: { kind: 'none' },
    });
    const { slug } = made.json<{ slug: string }>();
    const browser = new PageClient(t.app);
    await browser.signIn('cdo@gmca.example', PASSWORD);
    const url = `/publish/promises/${slug}/delete`;
    const confirm = await browser.get(url);
    expect(h1(confirm.body)).toBe('Delete the promise “A promise made twice”?');
    const done = await browser.post(url, {}, { from: url });
    expect(done.headers.location).toBe('/publish/promises');
    const after = await browser.get('/publish/promises');
    expect($(after.body)('.govuk-notification-banner').text()).toContain(
      '“A promise made twice” was deleted',
    );
    expect((await api('GET', `/api/v1/promises/${slug}`)).statusCode).toBe(404);
  });
});
