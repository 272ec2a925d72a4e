import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, setPassword } from '../../src/features/accounts/index.js';
import { allRoutes, createReport, getReport } from '../../src/features/reports/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { $, h1, PageClient } from '../helpers/pages.js';
import { seedReportFixture, type ReportFixture } from '../helpers/report-fixture.js';

// The body's pages: the queue with its filters, a report with the status form, moderation one
// action a page, and the categories a body answers and the region defines.

let t: TestApp;
let fx: ReportFixture;
const PASSWORD = 'correct horse battery staple';
const ids: Record<string, string> = {};

async function signedIn(email: string): Promise<PageClient> {
  const client = new PageClient(t.app);
  const res = await client.signIn(email, PASSWORD);
  expect(res.statusCode).toBe(303);
  return client;
}

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedReportFixture(t.ctx);
  for (const email of [
    'admin@testshire.example',
    'admin@westshire.example',
    'editor@westshire.example',
    'member@westshire.example',
    'editor@eastshire.example',
  ]) {
    await setPassword(t.ctx, email, PASSWORD);
  }
  const make = async (
    key: string,
    where: 'west' | 'east',
    category: string,
    description: string,
    point?: { lat: number; lon: number },
  ) => {
    const { report } = await createReport(t.ctx, fx.actors.resident, {
      category,
      description,
      ...(point ?? fx.points[where]),
      ...(category === 'potholes' ? { attributes: { blocking: 'yes' } } : {}),
      phone: '07700 900999',
      source: 'web',
      clientAddress: '192.0.2.44',
    });
    ids[key] = report.id;
  };
  await make('westPothole', 'west', 'potholes', 'Deep pothole on Mill Lane');
  await make('westTipping', 'west', 'fly-tipping', 'Mattress dumped', { lat: 0.2, lon: 0.3 });
  await make('eastTipping', 'east', 'fly-tipping', 'Bags by the canal');
  // An old, untouched report: it needs attention.
  await make('westOld', 'west', 'fly-tipping', 'Old fridge');
  await t.ctx.db.kysely
    .updateTable('reports')
    .set({ created_at: '2024-01-02T10:00:00.000Z', updated_at: '2024-01-02T10:00:00.000Z' })
    .where('id', '=', ids.westOld ?? '')
    .execute();
}, 60_000);
afterAll(() => t.close());

const queueText = async (client: PageClient, query = '') => {
  const res = await client.get(`/publish/reports${query}`);
  expect(res.statusCode).toBe(200);
  return $(res.body)('tbody').text();
};

describe('the queue', () => {
  it('shows a body’s staff only their reports, and a site administrator every body’s', async () => {
    const west = await signedIn('member@westshire.example');
    const text = await queueText(west);
    expect(text).toContain('Deep pothole on Mill Lane');
    expect(text).toContain('Mattress dumped');
    expect(text).not.toContain('Bags by the canal');
    const east = await signedIn('editor@eastshire.example');
    expect(await queueText(east)).not.toContain('Mill Lane');
    const admin = await signedIn('admin@testshire.example');
    const all = await queueText(admin);
    expect(all).toContain('Bags by the canal');
    expect(all).toContain('Mill Lane');
    expect(await queueText(admin, '?organisation=eastshire')).not.toContain('Mill Lane');
    expect((await west.get('/publish/reports?organisation=eastshire')).statusCode).toBe(403);
  });

  it('narrows by category, status group, ward, dates and “needs attention”', async () => {
    const west = await signedIn('editor@westshire.example');
    const potholes = await queueText(west, '?category=potholes');
    expect(potholes).toContain('Mill Lane');
    expect(potholes).not.toContain('Mattress');
    expect(await queueText(west, '?ward=E05000002')).toContain('Mattress');
    expect(await queueText(west, '?ward=E05000002')).not.toContain('Mill Lane');
    expect(await queueText(west, '?status=closed')).toBe('');
    const attention = await queueText(west, '?attention=1');
    expect(attention).toContain('Old fridge');
    expect(attention).not.toContain('Mill Lane');
    expect(await queueText(west, '?to=2024-01-02')).toContain('Old fridge');
    expect(await queueText(west, '?from=2025-01-01')).not.toContain('Old fridge');
    expect((await west.get('/publish/reports?from=yesterday')).statusCode).toBe(400);
  });

  it('gives its map the filtered reports as GeoJSON', async () => {
    const west = await signedIn('editor@westshire.example');
    const res = await west.get('/publish/reports/map.geojson?category=potholes');
    expect(res.statusCode).toBe(200);
    const map = res.json<{ total: number; features: { properties: { Category: string } }[] }>();
    expect(map.total).toBe(1);
    expect(map.features[0]?.properties.Category).toBe('Pothole');
  });

  it('is reached from /publish by a body’s plain member, who publishes nothing', async () => {
    const member = await signedIn('member@westshire.example');
    const home = await member.get('/publish');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('href="/publish/reports"');
  });

  it('sends the signed-out to sign in', async () => {
    const res = await new PageClient(t.app).get('/publish/reports');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/sign-in/);
  });
});

describe('handling a report on its page', () => {
  it('shows the reporter’s contact to staff, saying so, and posts a status update', async () => {
    const west = await signedIn('member@westshire.example');
    const url = `/publish/reports/${ids.westPothole ?? ''}`;
    const page = await west.get(url);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('07700 900999');
    expect(page.body).toContain(fx.emails.resident);
    expect($(page.body)('main').text()).toMatch(/Only the body’s staff see these contact details/);
    // A member may update, not moderate: no moderation links.
    expect(page.body).not.toContain('/moderate?action=hide');
    const posted = await west.post(url, { status: 'in_progress', text: 'Crew on the way' });
    expect(posted.statusCode).toBe(303);
    const seen = await getReport(t.ctx, anonymous, ids.westPothole ?? '');
    expect(seen.report.status).toBe('in_progress');
    expect(seen.updates.at(-1)?.text).toBe('Crew on the way');
    const after = await west.get(url);
    expect($(after.body)('.govuk-notification-banner').text()).toContain('Your update was posted');
  });

  it('shows the rules’ errors in the GOV.UK error summary', async () => {
    const west = await signedIn('editor@westshire.example');
    const url = `/publish/reports/${ids.westTipping ?? ''}`;
    const res = await west.post(url, { status: 'duplicate', duplicate_ref: ids.eastTipping ?? '' });
    expect(res.statusCode).toBe(422);
    expect($(res.body)('.govuk-error-summary').text()).toContain(
      'Original report must be another report of the same body',
    );
    const empty = await west.post(url, { text: '' });
    expect(empty.statusCode).toBe(422);
    expect($(empty.body)('.govuk-error-summary').text()).toContain('Update for the public');
  });

  it('passes a report to another body from the form', async () => {
    const west = await signedIn('editor@westshire.example');
    const url = `/publish/reports/${ids.westTipping ?? ''}`;
    const page = await west.get(url);
    expect($(page.body)('#organisation option[value="eastshire"]').text()).toBe(
      'Eastshire Council',
    );
    const res = await west.post(url, { status: 'not_responsible', organisation: 'eastshire' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/publish/reports');
    expect((await west.get(url)).statusCode).toBe(403);
    const east = await signedIn('editor@eastshire.example');
    expect(await queueText(east)).toContain('Mattress dumped');
  });
});

describe('moderating on the pages', () => {
  it('redacts the description with a reason, one action a page', async () => {
    const west = await signedIn('editor@westshire.example');
    const id = ids.westOld ?? '';
    const form = `/publish/reports/${id}/moderate?action=redact`;
    const page = await west.get(form);
    expect(h1(page.body)).toBe('Redact the description');
    expect($(page.body)('#description').text()).toBe('Old fridge');
    const missing = await west.post(
      `/publish/reports/${id}/moderate`,
      { action: 'redact', description: 'Old [redacted]', reason: '' },
      { from: form },
    );
    expect(missing.statusCode).toBe(422);
    expect($(missing.body)('.govuk-error-summary').text()).toContain('Enter the reason');
    const done = await west.post(
      `/publish/reports/${id}/moderate`,
      { action: 'redact', description: 'Old [redacted]', reason: 'A brand name' },
      { from: form },
    );
    expect(done.statusCode).toBe(303);
    expect((await getReport(t.ctx, anonymous, id)).report.description).toBe('Old [redacted]');
    const history = await west.get(`/publish/reports/${id}`);
    expect($(history.body)('main').text()).toContain('Reason: A brand name');
  });

  it('hides a photo: the staff still get it, the public page does not list it', async () => {
    const id = ids.westPothole ?? '';
    const photoId = crypto.randomUUID();
    const key = `reports/${id}/${photoId}.jpg`;
    await t.ctx.blobs.put(key, Readable.from([Buffer.from('fake-jpeg-bytes')]));
    await t.ctx.db.kysely
      .insertInto('report_photos')
      .values({
        id: photoId,
        report_id: id,
        blob_key: key,
        content_type: 'image/jpeg',
        width: 640,
        height: 480,
        bytes: 15,
        position: 0,
        hidden: 0,
        created_at: new Date().toISOString(),
      })
      .execute();
    const west = await signedIn('editor@westshire.example');
    const form = `/publish/reports/${id}/moderate?action=hide_photo&photo=${photoId}`;
    expect((await west.get(form)).statusCode).toBe(200);
    const res = await west.post(
      `/publish/reports/${id}/moderate`,
      { action: 'hide_photo', photo: photoId, reason: 'A face is visible' },
      { from: form },
    );
    expect(res.statusCode).toBe(303);
    expect((await getReport(t.ctx, anonymous, id)).photos).toEqual([]);
    const photo = await west.get(`/publish/reports/${id}/photos/${photoId}`);
    expect(photo.statusCode).toBe(200);
    expect(photo.body).toBe('fake-jpeg-bytes');
    const member = await signedIn('member@westshire.example');
    expect((await member.get(form)).statusCode).toBe(403);
  });
});

describe('categories', () => {
  it('lets a body’s admin add a webhook route whose secret is never shown back', async () => {
    const admin = await signedIn('admin@westshire.example');
    const url = '/publish/organisations/westshire/categories';
    const page = await admin.get(url);
    expect(h1(page.body)).toBe('Categories Westshire Council answers');
    const noSecret = await admin.post(url, {
      category: 'bus-shelters',
      send_method: 'webhook',
      destination: 'https://hooks.westshire.example/reports',
      secret: '',
    });
    expect(noSecret.statusCode).toBe(422);
    expect($(noSecret.body)('.govuk-error-summary').text()).toContain('Secret is required');
    const saved = await admin.post(url, {
      category: 'bus-shelters',
      send_method: 'webhook',
      destination: 'https://hooks.westshire.example/reports',
      secret: 'hush-hush-key',
    });
    expect(saved.statusCode).toBe(303);
    // Changed without typing the secret again: it is kept.
    const changed = await admin.post(url, {
      category: 'bus-shelters',
      send_method: 'webhook',
      destination: 'https://hooks.westshire.example/v2/reports',
      secret: '',
    });
    expect(changed.statusCode).toBe(303);
    const list = await admin.get(url);
    expect(list.body).not.toContain('hush-hush-key');
    expect(list.body).toContain('https://hooks.westshire.example/v2/reports');
    const west = (await allRoutes(t.ctx)).find(
      (r) => r.destination === 'https://hooks.westshire.example/v2/reports',
    );
    expect(west?.secret).toBe('hush-hush-key');
    const removeUrl = `${url}/bus-shelters/remove`;
    expect((await admin.get(removeUrl)).statusCode).toBe(200);
    expect((await admin.post(removeUrl, {}, { from: removeUrl })).statusCode).toBe(303);
    expect((await admin.get(url)).body).not.toContain('hooks.westshire.example');
    const editor = await signedIn('editor@westshire.example');
    expect((await editor.get(url)).statusCode).toBe(403);
  });

  it('lets a site administrator define a category with its questions', async () => {
    const admin = await signedIn('admin@testshire.example');
    const res = await admin.post(
      '/publish/categories/new',
      {
        code: 'dog-fouling',
        name: 'Dog fouling',
        group: 'Rubbish',
        keywords: 'dog, mess',
        questions: '2',
        'q-1-code': 'where',
        'q-1-text': 'Where is it?',
        'q-1-type': 'list',
        'q-1-values': 'path: A footpath\npark: A park',
        'q-2-code': 'ongoing',
        'q-2-text': 'Does it happen often?',
        'q-2-type': 'yesno',
        required: '1',
      },
      { from: '/publish/categories/new' },
    );
    expect(res.statusCode).toBe(303);
    const edit = await admin.get('/publish/categories/dog-fouling/edit');
    expect(edit.statusCode).toBe(200);
    expect($(edit.body)('#q-1-values').text()).toBe('path: A footpath\npark: A park');
    expect($(edit.body)('#q-1-required').attr('checked')).toBeDefined();
    expect($(edit.body)('#q-2-type option[selected]').val()).toBe('yesno');
    const bad = await admin.post(
      '/publish/categories/dog-fouling/edit',
      {
        name: 'Dog fouling',
        questions: '1',
        'q-1-code': 'where',
        'q-1-text': 'Where?',
        'q-1-type': 'list',
        'q-1-values': 'only-one',
      },
      { from: '/publish/categories/dog-fouling/edit' },
    );
    expect(bad.statusCode).toBe(422);
    const editor = await signedIn('admin@westshire.example');
    expect((await editor.get('/publish/categories')).statusCode).toBe(403);
  });
});
