import { addMemberToOrganisation } from '../../src/features/organisations/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, setPassword } from '../../src/features/accounts/index.js';
import { loadQueue } from '../../src/features/datastore/load-queue.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { seedFixture } from '../helpers/fixture.js';
import { multipartBody } from '../helpers/multipart.js';
import { $, h1, PageClient } from '../helpers/pages.js';

const PASSWORD = 'correct horse battery staple';
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ maxUploadBytes: 4096 });
  await seedFixture(t.ctx);
  await createUser(t.ctx, {
    email: 'boss@bolton.example',
    name: 'Bolton Boss',
    password: PASSWORD,
  });
  await addMemberToOrganisation(t.ctx, 'boss@bolton.example', 'bolton', 'admin');
  for (const email of ['editor@bolton.example', 'editor@wigan.example']) {
    await setPassword(t.ctx, email, PASSWORD);
  }
});
afterAll(() => t.close());

async function signedIn(email: string): Promise<PageClient> {
  const browser = new PageClient(t.app);
  const res = await browser.signIn(email, PASSWORD);
  expect(res.statusCode, res.body).toBe(303);
  return browser;
}

/** The dataset as an anonymous API client sees it. */
const datasetApi = (slug: string) => t.app.inject({ url: `/api/v1/datasets/${slug}` });

describe('the publisher area', () => {
  it('sends signed-out visitors to sign in, and back afterwards', async () => {
    for (const url of [
      '/publish',
      '/publish/datasets/new',
      '/publish/datasets/bus-punctuality/edit',
    ]) {
      const res = await t.app.inject({ url });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/sign-in?next=${encodeURIComponent(url)}`);
    }
    const post = await t.app.inject({ method: 'POST', url: '/publish/datasets/new' });
    expect(post.statusCode).toBe(303);
    expect(post.headers.location).toMatch(/^\/sign-in/);
  });

  it("lists the publisher's organisations with their drafts and private datasets", async () => {
    const browser = await signedIn('editor@bolton.example');
    const res = await browser.get('/publish');
    expect(res.statusCode).toBe(200);
    const page = $(res.body);
    expect(h1(res.body)).toBe('Publish data');
    expect(page('h2').text()).toContain('Bolton Council');
    expect(page('h2').text()).not.toContain('Wigan Council');
    const links = page('main a')
      .map((_, a) => page(a).attr('href'))
      .get();
    expect(links).toContain('/publish/datasets/staff-rota');
    expect(links).toContain('/publish/datasets/draft-cycle-counts');
    expect(links).not.toContain('/publish/datasets/air-quality');
    expect(page('main').text()).toContain('Draft');
    expect(page('main').text()).toContain('Private');
    // Editors publish; only admins manage members.
    expect(links).not.toContain('/publish/organisations/bolton/members');
  });

  it("gives the 403 page for another organisation's dataset, 404 for its private one", async () => {
    const browser = await signedIn('editor@wigan.example');
    const edit = await browser.get('/publish/datasets/bus-punctuality/edit');
    expect(edit.statusCode).toBe(403);
    expect(h1(edit.body)).toBe('You do not have permission to do this');
    expect((await browser.get('/publish/datasets/staff-rota')).statusCode).toBe(404);
  });
});

describe('creating and editing a dataset', () => {
  it('shows every problem in an error summary linked to the fields, keeping what was typed', async () => {
    const browser = await signedIn('editor@bolton.example');
    const form = await browser.get('/publish/datasets/new');
    expect(h1(form.body)).toBe('Create a dataset');
    const page = $(form.body);
    for (const id of [
      'title',
      'description',
      'organisation',
      'licence',
      'tags',
      'update-frequency',
    ]) {
      expect(page(`label[for="${id}"]`).length, id).toBe(1);
    }
    expect(page('input[name="themes"]').length).toBeGreaterThan(5);
    expect(page('select#licence option').length).toBeGreaterThan(5);
    const res = await browser.post(
      '/publish/datasets/new',
      {
        title: '',
        description: 'Some *notes*',
        organisation: 'bolton',
        licence: 'OGL-UK-3.0',
        visibility: 'public',
        state: 'draft',
        contact_email: 'not-an-address',
        'temporal-start-day': '31',
        'temporal-start-month': '2',
        'temporal-start-year': '2024',
      },
      { from: '/publish/datasets/new' },
    );
    expect(res.statusCode).toBe(422);
    const errors = $(res.body);
    expect(errors('title').text()).toMatch(/^Error: Create a dataset/);
    const summary = errors('.govuk-error-summary a')
      .map((_, a) => `${errors(a).attr('href') ?? ''} ${errors(a).text()}`)
      .get();
    expect(summary).toContain('#title Enter a title');
    expect(summary.some((s) => s.startsWith('#contact-email Enter the contact e-mail'))).toBe(true);
    expect(summary).toContain('#temporal-start-day Start date must be a real date');
    expect(errors('#title-error').text()).toContain('Enter a title');
    expect(errors('#description').text()).toBe('Some *notes*');
  });

  it('creates a draft dataset and shows it to the publisher only', async () => {
    const browser = await signedIn('editor@bolton.example');
    const res = await browser.post(
      '/publish/datasets/new',
      {
        title: 'Grit bins',
        description: 'Where the **grit bins** are.',
        organisation: 'bolton',
        licence: 'CC-BY-4.0',
        themes: ['transport', 'environment'],
        tags: 'winter, roads',
        visibility: 'public',
        state: 'draft',
        update_frequency: 'annual',
        'temporal-start-day': '1',
        'temporal-start-month': '4',
        'temporal-start-year': '2024',
        spatial_coverage: 'Bolton',
        contact_name: 'Highways team',
        contact_email: 'highways@bolton.example',
      },
      { from: '/publish/datasets/new' },
    );
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe('/publish/datasets/grit-bins');
    const page = await browser.get('/publish/datasets/grit-bins');
    expect(h1(page.body)).toBe('Grit bins');
    expect($(page.body)('main').text()).toContain('Draft');
    // A draft: hidden from everyone else.
    expect((await datasetApi('grit-bins')).statusCode).toBe(404);
    const edit = await browser.get('/publish/datasets/grit-bins/edit');
    const form = $(edit.body);
    expect(form('#title').val()).toBe('Grit bins');
    expect(form('#licence').val()).toBe('CC-BY-4.0');
    expect(form('#tags').val()).toBe('roads, winter');
    expect(form('input[name="themes"][value="transport"]').attr('checked')).toBeDefined();
    expect(form('#temporal-start-month').val()).toBe('4');
  });

  it('publishes an edit made in the form', async () => {
    const browser = await signedIn('editor@bolton.example');
    const edit = await browser.get('/publish/datasets/grit-bins/edit');
    const form = $(edit.body);
    const values: Record<string, string | string[]> = {};
    form('form input[name], form textarea[name], form select[name]').each((_, el) => {
      const name = form(el).attr('name') ?? '';
      const type = form(el).attr('type');
      if (name === '_csrf') return;
      if ((type === 'radio' || type === 'checkbox') && form(el).attr('checked') === undefined)
        return;
      const value = String(form(el).val() ?? '');
      const prior = values[name];
      values[name] =
        prior === undefined ? value : [...(Array.isArray(prior) ? prior : [prior]), value];
    });
    values.title = 'Grit bins and salt stores';
    values.state = 'active';
    const res = await browser.post('/publish/datasets/grit-bins/edit', values, {
      from: '/publish/datasets/grit-bins/edit',
    });
    expect(res.statusCode, res.body).toBe(303);
    const published = (await datasetApi('grit-bins')).json<{
      title: string;
      state: string;
      themes: { slug: string }[];
      contact: { email: string };
    }>();
    expect(published.title).toBe('Grit bins and salt stores');
    expect(published.state).toBe('active');
    expect(published.themes.map((th) => th.slug)).toEqual(['environment', 'transport']);
    expect(published.contact.email).toBe('highways@bolton.example');
  });
});

describe('adding data', () => {
  const csv = 'site,bins,checked\nMarket Street,4,2024-11-01\nChorley New Road,2,2024-11-03\n';
  const csv2 = `${csv}Bradshawgate,7,2024-11-05\n`;

  it('refuses an upload whose first field is not the CSRF token, storing nothing', async () => {
    const browser = await signedIn('editor@bolton.example');
    const res = await browser.upload(
      '/publish/datasets/bus-punctuality/upload',
      multipartBody({ name: 'Sneaky' }, { field: 'file', filename: 'x.csv', content: csv }),
    );
    expect(res.statusCode).toBe(403);
    const resources = await t.ctx.db.kysely.selectFrom('resources').select('name').execute();
    expect(resources.map((r) => r.name)).not.toContain('Sneaky');
  });

  it('asks for a file when none was chosen', async () => {
    const browser = await signedIn('editor@bolton.example');
    const token = await browser.csrfFrom('/publish/datasets/bus-punctuality/upload');
    const res = await browser.upload(
      '/publish/datasets/bus-punctuality/upload',
      multipartBody({ _csrf: token, name: '' }, { field: 'file', filename: '', content: '' }),
    );
    expect(res.statusCode).toBe(422);
    expect($(res.body)('.govuk-error-summary a[href="#file"]').text()).toBe('Select a file');
  });

  it('refuses a file over the size limit with an error on the form, storing nothing', async () => {
    const browser = await signedIn('editor@bolton.example');
    const token = await browser.csrfFrom('/publish/datasets/bus-punctuality/upload');
    const res = await browser.upload(
      '/publish/datasets/bus-punctuality/upload',
      multipartBody(
        { _csrf: token, name: 'Too big' },
        { field: 'file', filename: 'big.csv', content: 'x'.repeat(5000) },
      ),
    );
    expect(res.statusCode).toBe(422);
    expect($(res.body)('#file-error').text()).toContain('The selected file must be smaller than');
    const names = await t.ctx.db.kysely.selectFrom('resources').select('name').execute();
    expect(names.map((r) => r.name)).not.toContain('Too big');
  });

  it('uploads a CSV, shows the ingest report, then replaces it as version 2', async () => {
    const browser = await signedIn('editor@bolton.example');
    const uploadPage = await browser.get('/publish/datasets/grit-bins/upload');
    const form = $(uploadPage.body)('form[enctype="multipart/form-data"]');
    expect(form.find('input').first().attr('name')).toBe('_csrf');
    expect($(uploadPage.body)('script[src="/assets/upload.js"]').length).toBe(1);
    const token = String(form.find('input[name="_csrf"]').val());
    const res = await browser.upload(
      '/publish/datasets/grit-bins/upload',
      multipartBody(
        { _csrf: token, name: 'Grit bin checks' },
        { field: 'file', filename: 'grit-bins.csv', content: csv },
      ),
    );
    expect(res.statusCode, res.body).toBe(303);
    const match = /^\/publish\/resources\/([\w-]+)\/loads\/([\w-]+)$/.exec(
      res.headers.location ?? '',
    );
    expect(match).not.toBeNull();
    const [reportUrl, resourceId, loadId] = match as unknown as [string, string, string];
    // While the load runs, the report page refreshes itself.
    const pending = await browser.get(reportUrl);
    if (h1(pending.body).startsWith('Loading')) {
      expect($(pending.body)('meta[http-equiv="refresh"]').length).toBe(1);
    }
    await loadQueue(t.ctx).waitFor(loadId);
    const report = await browser.get(reportUrl);
    expect(report.statusCode).toBe(200);
    const page = $(report.body);
    expect(h1(report.body)).toBe('“Grit bin checks” is loaded');
    expect(page('.govuk-panel__title').text().trim()).toBe('Version 1');
    expect(page('.govuk-panel__body').text()).toContain('2 rows, 3 columns');
    expect(page('meta[http-equiv="refresh"]').length).toBe(0);
    const types = page('table tbody tr')
      .map((_, tr) =>
        page(tr)
          .find('td')
          .slice(0, 2)
          .map((_, td) => page(td).text().trim())
          .get()
          .join(' '),
      )
      .get();
    expect(types).toEqual(['site text', 'bins integer', 'checked date']);

    const dataset = await browser.get('/publish/datasets/grit-bins');
    expect($(dataset.body)('main').text()).toContain('Version 1, 2 rows');

    const replaceUrl = `/publish/resources/${resourceId}/replace`;
    const replacePage = await browser.get(replaceUrl);
    expect(h1(replacePage.body)).toBe('Replace the data of “Grit bin checks”');
    expect($(replacePage.body)('main').text()).toContain('becomes version 2');
    const again = await browser.upload(
      replaceUrl,
      multipartBody(
        { _csrf: await browser.csrfFrom(replaceUrl) },
        { field: 'file', filename: 'grit-bins.csv', content: csv2 },
      ),
    );
    expect(again.statusCode, again.body).toBe(303);
    const secondLoad = (again.headers.location ?? '').split('/').pop() ?? '';
    await loadQueue(t.ctx).waitFor(secondLoad);
    const second = $((await browser.get(again.headers.location ?? '')).body);
    expect(second('.govuk-panel__title').text().trim()).toBe('Version 2');
    expect(second('.govuk-panel__body').text()).toContain('3 rows');
  });

  it('reports a file that cannot be loaded, keeping the page usable', async () => {
    const browser = await signedIn('editor@bolton.example');
    const token = await browser.csrfFrom('/publish/datasets/fly-tipping-reports/upload');
    const res = await browser.upload(
      '/publish/datasets/fly-tipping-reports/upload',
      multipartBody(
        { _csrf: token },
        { field: 'file', filename: 'broken.json', content: '{"not": "rows"' },
      ),
    );
    expect(res.statusCode).toBe(303);
    const loadId = (res.headers.location ?? '').split('/').pop() ?? '';
    await loadQueue(t.ctx).waitFor(loadId);
    const report = await browser.get(res.headers.location ?? '');
    expect(h1(report.body)).toBe('“broken.json” could not be loaded');
    expect($(report.body)('.govuk-error-summary').text()).toContain('The data was not loaded');
  });
});
