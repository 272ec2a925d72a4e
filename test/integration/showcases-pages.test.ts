import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { multipartBody } from '../helpers/multipart.js';
import { $, h1, PageClient, signedInAs } from '../helpers/pages.js';
import {
  ADMIN_PASSWORD,
  RESIDENT,
  seedShowcaseFixture,
  testImage,
} from '../helpers/showcase-fixture.js';

// The showcase pages as people use them: a resident submits one with an image (a plain
// multipart form, no JavaScript needed), an admin approves or rejects it from the queue, and
// it appears on the list and on the pages of the datasets it uses.

let t: TestApp;
let resident: PageClient;
let admin: PageClient;

beforeAll(async () => {
  t = await createTestApp();
  await seedShowcaseFixture(t);
  resident = await signedInAs(t.app, RESIDENT.email, RESIDENT.password);
  admin = await signedInAs(t.app, 'admin@example.org', ADMIN_PASSWORD);
}, 60_000);
afterAll(() => t.close());

const FORM = '/account/showcases/new';

async function submitForm(
  browser: PageClient,
  fields: Record<string, string>,
  file?: { filename: string; content: Buffer },
) {
  const csrf = await browser.csrfFrom(FORM);
  return browser.upload(
    FORM,
    multipartBody(
      {
        _csrf: csrf,
        title: 'Cycle to the bus',
        type: 'app',
        description: 'Plan a ride to the **most punctual** bus.',
        link: 'https://example.org/cycle-bus',
        datasets: 'http://metrodata.test/datasets/bus-punctuality\nair-quality',
        author_name: '',
        ...fields,
      },
      file ? { field: 'image', ...file } : undefined,
    ),
  );
}

describe('submitting', () => {
  it('sends a signed-out visitor to sign in first', async () => {
    const res = await new PageClient(t.app).get(FORM);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/sign-in?next=${encodeURIComponent(FORM)}`);
  });

  it('keeps a showcase with its image, waiting for approval and hidden from others', async () => {
    const res = await submitForm(
      resident,
      {},
      { filename: 'screen.png', content: await testImage() },
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/showcases/cycle-to-the-bus');
    const page = await resident.get('/showcases/cycle-to-the-bus');
    const doc = $(page.body);
    expect(h1(page.body)).toBe('Cycle to the bus');
    expect(doc('.govuk-notification-banner').text()).toContain('Waiting for approval');
    expect(doc('.app-description strong').text()).toBe('most punctual');
    expect(
      doc('.app-showcase-datasets a')
        .map((_, a) => doc(a).text())
        .get(),
    ).toEqual(['Bus punctuality', 'Air quality monitoring']);
    expect(doc('p').text()).toContain(`By ${RESIDENT.name}`);
    const img = doc('img[src^="/showcases/cycle-to-the-bus/images/"]');
    expect(img.attr('width')).toBe('1600');
    const image = await resident.get(img.attr('src') ?? '');
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect((await new PageClient(t.app).get('/showcases/cycle-to-the-bus')).statusCode).toBe(404);
    expect((await new PageClient(t.app).get(img.attr('src') ?? '')).statusCode).toBe(404);
  });

  it('shows every problem in the error summary, a non-image file among them', async () => {
    const res = await submitForm(
      resident,
      { title: '', link: 'ftp://example.org', datasets: 'staff-rota' },
      { filename: 'notes.txt', content: Buffer.from('just words') },
    );
    expect(res.statusCode).toBe(422);
    const doc = $(res.body);
    expect(
      doc('.govuk-error-summary a')
        .map((_, a) => doc(a).text())
        .get(),
    ).toEqual([
      'Enter a title',
      'Enter a link starting with http:// or https://',
      'There is no public dataset “staff-rota”',
      'The image “notes.txt” is not an image: choose a JPEG, PNG or HEIC file',
    ]);
    expect(doc('#link').val()).toBe('ftp://example.org');
    expect(doc('.govuk-warning-text').text()).toContain('choose it again');
  });

  it('is offered on a public dataset’s page, with the dataset filled in', async () => {
    const dataset = await new PageClient(t.app).get('/datasets/air-quality');
    const link = $(dataset.body)('a:contains("Submit a showcase")');
    expect(link.attr('href')).toBe('/account/showcases/new?dataset=air-quality');
    const form = await resident.get(link.attr('href') ?? '');
    expect($(form.body)('#datasets').val()).toBe('air-quality');
  });

  it('refuses a form without its CSRF token', async () => {
    const res = await resident.upload(FORM, multipartBody({ title: 'No token' }));
    expect(res.statusCode).toBe(403);
  });
});

describe('moderating', () => {
  it('approves from the queue: the showcase is public and on its datasets’ pages', async () => {
    const queue = await admin.get('/publish/showcases');
    expect(queue.statusCode).toBe(200);
    expect($(queue.body)('#queue-count').text()).toContain('1 showcase is waiting');
    const res = await admin.post(
      '/publish/showcases/cycle-to-the-bus/approve',
      {},
      { from: '/publish/showcases' },
    );
    expect(res.statusCode).toBe(303);
    const list = await new PageClient(t.app).get('/showcases');
    expect($(list.body)('.app-showcases h2').text()).toContain('Cycle to the bus');
    const dataset = await new PageClient(t.app).get('/datasets/air-quality');
    const built = $(dataset.body)('#built-with + ul a');
    expect(built.text()).toBe('Cycle to the bus');
    expect(built.attr('href')).toBe('/showcases/cycle-to-the-bus');
  });

  it('asks for the reason before rejecting, and the author sees it', async () => {
    await submitForm(resident, { title: 'Copy of another app', type: 'story' });
    const empty = await admin.post(
      '/publish/showcases/copy-of-another-app/reject',
      { reason: ' ' },
      { from: '/publish/showcases' },
    );
    expect(empty.statusCode).toBe(422);
    expect($(empty.body)('.govuk-error-summary a').attr('href')).toBe(
      '#reason-copy-of-another-app',
    );
    const res = await admin.post(
      '/publish/showcases/copy-of-another-app/reject',
      { reason: 'It copies another showcase.' },
      { from: '/publish/showcases' },
    );
    expect(res.statusCode).toBe(303);
    const mine = await resident.get('/account/showcases');
    expect($(mine.body)('tbody').text()).toContain('It copies another showcase.');
    const page = await resident.get('/showcases/copy-of-another-app');
    expect($(page.body)('#rejection-reason').text()).toBe('It copies another showcase.');
  });

  it('is for site admins only', async () => {
    expect((await resident.get('/publish/showcases')).statusCode).toBe(403);
  });
});

describe('the list', () => {
  it('filters by type and dataset and searches, and says when nothing matches', async () => {
    const visitor = new PageClient(t.app);
    const titles = async (q: string) => {
      const doc = $((await visitor.get(`/showcases?${q}`)).body);
      return doc('.app-showcases h2')
        .map((_, e) => doc(e).text().trim())
        .get();
    };
    expect(await titles('type=app&dataset=bus-punctuality&q=cycle')).toEqual(['Cycle to the bus']);
    expect(await titles('type=story')).toEqual([]);
    const none = await visitor.get('/showcases?type=story');
    expect($(none.body)('#result-count').text()).toContain('0 showcases found');
  });

  it('lets the author delete theirs after confirming', async () => {
    const confirm = await resident.get('/showcases/cycle-to-the-bus/delete');
    expect(h1(confirm.body)).toContain('Delete the showcase');
    const res = await resident.post(
      '/showcases/cycle-to-the-bus/delete',
      {},
      { from: '/showcases/cycle-to-the-bus/delete' },
    );
    expect(res.statusCode).toBe(303);
    expect((await new PageClient(t.app).get('/showcases/cycle-to-the-bus')).statusCode).toBe(404);
  });
});
