import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/features/promises/index.js';
import type { TestApp } from '../helpers/app.js';
import type { Fixture } from '../helpers/fixture.js';
import { coverageCsv, coverageRows, uploadCsv } from '../helpers/indicator-fixture.js';
import { $, h1, PageClient } from '../helpers/pages.js';
import { createUser } from '../../src/features/accounts/index.js';
import { addMemberToOrganisation } from '../../src/features/organisations/index.js';
import {
  fibre,
  PASSWORD,
  promiseTest,
  seedPromises,
  slugs,
  termStart,
  today,
  type ListBody,
  type PromiseBody,
  type PromiseTest,
} from '../helpers/promise-fixture.js';

// The promise tracker's pages, feeds, downloads and the editors' forms, over the two promises
// the API tests make (seedPromises).

let p: PromiseTest;
let t: TestApp;
let fx: Fixture;
let mayorsEditor: string;
beforeAll(async () => {
  p = await promiseTest();
  ({ t, fx, mayorsEditor } = p);
  await seedPromises(p);
});
afterAll(() => t.close());

const api: PromiseTest['api'] = (...args) => p.api(...args);

describe('promise pages', () => {
  it('shows the timeline of every change in the order they happened, with evidence', async () => {
    const url = '/api/v1/promises/full-fibre-schools/status';
    const stalled = await api('POST', url, mayorsEditor, {
      status: 'stalled',
      rationale: 'The supplier went into administration.',
      evidence: [{ title: 'News report', url: 'https://news.example/supplier', kind: 'news' }],
      date: addDays(today, -10),
    });
    expect(stalled.statusCode, stalled.body).toBe(201);
    const back = await api('POST', url, fx.tokens.admin, {
      status: 'in-the-works',
      rationale: 'A new supplier was appointed.',
    });
    expect(back.statusCode, back.body).toBe(201);

    const res = await t.app.inject({ url: '/promises/full-fibre-schools' });
    expect(res.statusCode).toBe(200);
    const page = $(res.body);
    expect(h1(res.body)).toBe('Full-fibre broadband for every school');
    expect(page('#quote').text()).toContain(fibre.quote);
    const items = page('#history > li');
    expect(items.map((_i, li) => page(li).attr('data-to')).get()).toEqual([
      'in-the-works',
      'stalled',
      'in-the-works',
    ]);
    expect(items.map((_i, li) => page(li).find('time').attr('datetime')).get()).toEqual([
      addDays(today, -30),
      addDays(today, -10),
      today,
    ]);
    expect(items.eq(0).find('div.govuk-body strong').text()).toBe('40 schools');
    expect(
      items
        .eq(0)
        .find('a')
        .map((_i, a) => page(a).attr('href'))
        .get(),
    ).toEqual(['https://example.org/cabinet', '/datasets/bus-punctuality']);
    expect(items.eq(1).text()).toContain('Rated by Chief Digital Officer');
    expect(page('#status').text()).toContain('In the works');
    expect(page('.govuk-summary-list').text()).toContain('Within 365 days of taking office');
    // No indicator yet: no suggestion to show.
    expect(page('#suggestion')).toHaveLength(0);
    expect(
      page('link[type="application/atom+xml"][href="/promises/full-fibre-schools.atom"]'),
    ).toHaveLength(1);
    // Residents see no editing links.
    expect(page('a[href="/publish/promises/full-fibre-schools/status"]')).toHaveLength(0);
  });

  it('shows the scorecard: day N, counts by status, promises by theme, filters in the URL', async () => {
    const res = await t.app.inject({ url: '/promises' });
    expect(res.statusCode).toBe(200);
    const page = $(res.body);
    expect(page('#term-day').text().trim()).toBe('Day 100 of the mayor’s term');
    expect(page('.govuk-service-navigation__item--active').text()).toContain('Promises');
    const count = (s: string) => page(`#status-counts [data-status="${s}"]`).text().trim();
    expect(count('in-the-works')).toMatch(/^1/);
    expect(count('not-yet-rated')).toMatch(/^1/);
    expect(count('kept')).toBe('0');
    expect(
      page('h2[id^="theme-"]')
        .map((_i, h) => page(h).text())
        .get(),
    ).toEqual(['Broadband and connectivity', 'Digital inclusion']);
    const portal = page('[data-slug="open-data-portal"]');
    expect(portal.text()).toContain('Not yet rated');
    expect(portal.text()).toContain('Overdue');

    const filtered = $((await t.app.inject({ url: '/promises?status=in-the-works' })).body);
    expect(
      filtered('[data-slug]')
        .map((_i, li) => filtered(li).attr('data-slug'))
        .get(),
    ).toEqual(['full-fibre-schools']);
    expect(filtered('input[name="status"][value="in-the-works"]').attr('checked')).toBeDefined();
    expect(filtered('a[href="/promises"]').text()).toContain('Clear all filters');
    const none = $((await t.app.inject({ url: '/promises?theme=housing' })).body);
    expect(none('[data-slug]')).toHaveLength(0);
    expect(none('main').text()).toContain('No promises match these filters.');
  });

  it('publishes valid Atom feeds of status changes, for all promises and for one', async () => {
    for (const [url, n] of [
      ['/promises.atom', 3],
      ['/promises/full-fibre-schools.atom', 3],
      ['/promises/open-data-portal.atom', 0],
    ] as const) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('application/atom+xml');
      const x = load(res.body, { xml: true });
      expect(x('feed').attr('xmlns')).toBe('http://www.w3.org/2005/Atom');
      // RFC 4287: a feed has an id, a title, updated and an author (or every entry has one).
      for (const el of ['id', 'title', 'updated', 'author > name']) {
        expect(x(`feed > ${el}`).text(), `${url} ${el}`).not.toBe('');
      }
      expect(x('feed > link[rel="self"]').attr('href')).toBe(`http://metrodata.test${url}`);
      const entries = x('entry');
      expect(entries, url).toHaveLength(n);
      entries.each((_i, e) => {
        for (const el of ['id', 'title', 'updated', 'content']) {
          expect(x(e).children(el).text()).not.toBe('');
        }
        expect(Date.parse(x(e).children('updated').text())).not.toBeNaN();
      });
    }
    const x = load((await t.app.inject({ url: '/promises.atom' })).body, { xml: true });
    expect(
      x('entry > title')
        .map((_i, e) => x(e).text())
        .get(),
    ).toEqual([
      'Full-fibre broadband for every school: Stalled → In the works',
      'Full-fibre broadband for every school: In the works → Stalled',
      'Full-fibre broadband for every school: Not yet rated → In the works',
    ]);
    expect(x('entry').eq(2).children('content').text()).toContain('https://example.org/cabinet');
    expect((await t.app.inject({ url: '/promises/nope.atom' })).statusCode).toBe(404);
  });

  it('offers every promise as CSV and as JSON', async () => {
    const csv = await t.app.inject({ url: '/promises.csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('promises.csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^slug,title,quote,/);
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[0])
        .sort(),
    ).toEqual(['full-fibre-schools', 'open-data-portal']);
    const json = await t.app.inject({ url: '/promises.json' });
    expect(json.statusCode).toBe(200);
    const body = json.json<ListBody>();
    expect(slugs(body).sort()).toEqual(['full-fibre-schools', 'open-data-portal']);
    expect(body.total).toBe(2);
  });
});

describe('the publisher area for promises', () => {
  async function signedIn(email: string): Promise<PageClient> {
    const browser = new PageClient(t.app);
    expect((await browser.signIn(email, PASSWORD)).statusCode).toBe(303);
    return browser;
  }

  it('is open to the mayor’s office only', async () => {
    const anonymous = await t.app.inject({ url: '/publish/promises' });
    expect(anonymous.statusCode).toBe(303);
    await createUser(t.ctx, { email: 'clerk@bolton.example', name: 'Clerk', password: PASSWORD });
    await addMemberToOrganisation(t.ctx, 'clerk@bolton.example', 'bolton', 'editor');
    const clerk = await signedIn('clerk@bolton.example');
    expect((await clerk.get('/publish/promises')).statusCode).toBe(403);
    expect((await clerk.get('/publish/promises/full-fibre-schools/status')).statusCode).toBe(403);
    expect($((await clerk.get('/publish')).body)('a[href="/publish/promises"]')).toHaveLength(0);

    const cdo = await signedIn('cdo@gmca.example');
    expect($((await cdo.get('/publish')).body)('a[href="/publish/promises"]')).toHaveLength(1);
    const list = await cdo.get('/publish/promises');
    expect(list.statusCode).toBe(200);
    expect($(list.body)('tbody tr')).toHaveLength(2);
  });

  it('adds a promise with the form, showing errors in an error summary', async () => {
    const cdo = await signedIn('cdo@gmca.example');
    const bad = await cdo.post(
      '/publish/promises/new',
      {
        title: '',
        quote: '',
        made_by: 'The Mayor',
        source_kind: 'speech',
        theme: '',
        owner: 'gmca',
        deadline_kind: 'days',
        deadline_days: 'soon',
      },
      { from: '/publish/promises/new' },
    );
    expect(bad.statusCode).toBe(422);
    const page = $(bad.body);
    expect(page('title').text()).toMatch(/^Error: /);
    const summary = page('.govuk-error-summary__list a')
      .map((_i, a) => page(a).text())
      .get();
    expect(summary).toEqual(
      expect.arrayContaining([
        'Enter a title',
        'Enter the words promised',
        'Choose a theme',
        'Enter a whole number of days, like 100',
      ]),
    );
    const ok = await cdo.post(
      '/publish/promises/new',
      {
        title: 'A chief digital officer for the region',
        quote: 'I will appoint a chief digital officer in my first 100 days.',
        made_by: 'The Mayor',
        source_kind: 'speech',
        source_url: 'https://example.org/speech',
        'source-date-day': '2',
        'source-date-month': '5',
        'source-date-year': '2026',
        theme: 'digital-inclusion',
        owner: 'gmca',
        deadline_kind: 'days',
        deadline_days: '100',
      },
      { from: '/publish/promises/new' },
    );
    expect(ok.statusCode, ok.body).toBe(303);
    expect(ok.headers.location).toBe('/promises/a-chief-digital-officer-for-the-region');
    const created = (
      await api('GET', '/api/v1/promises/a-chief-digital-officer-for-the-region')
    ).json<PromiseBody>();
    expect(created).toMatchObject({
      source: { kind: 'speech', url: 'https://example.org/speech', date: '2026-05-02' },
      deadline: { kind: 'days', days: 100, due: addDays(termStart, 100) },
    });
  });

  it('records a status change with the form, which then shows on the timeline', async () => {
    const cdo = await signedIn('cdo@gmca.example');
    const form = '/publish/promises/a-chief-digital-officer-for-the-region/status';
    const bad = await cdo.post(form, {
      status: '',
      rationale: '',
      'evidence-1-title': 'Job advert',
    });
    expect(bad.statusCode).toBe(422);
    const errors = $(bad.body)('.govuk-error-summary__list a')
      .map((_i, a) => $(bad.body)(a).text())
      .get();
    expect(errors).toEqual(
      expect.arrayContaining(['Choose the new status', 'Enter why the status changed']),
    );
    expect(errors.join(' ')).toContain('evidence 1');

    const ok = await cdo.post(form, {
      status: 'kept',
      rationale: 'Appointed on day 90.',
      'date-day': String(Number(addDays(today, -10).slice(8))),
      'date-month': String(Number(addDays(today, -10).slice(5, 7))),
      'date-year': addDays(today, -10).slice(0, 4),
      'evidence-1-title': 'Appointment announced',
      'evidence-1-url': 'https://example.org/news/cdo',
      'evidence-1-kind': 'news',
    });
    expect(ok.statusCode, ok.body).toBe(303);
    const page = $((await cdo.get('/promises/a-chief-digital-officer-for-the-region')).body);
    expect(page('#status').text()).toContain('Kept');
    expect(page('#history > li').attr('data-to')).toBe('kept');
    expect(page('#history a[href="https://example.org/news/cdo"]').text()).toBe(
      'Appointment announced',
    );
    // An editor sees the way to the forms.
    expect(page(`a[href="${form}"]`)).toHaveLength(1);
  });
});

describe('a promise measured by an indicator', () => {
  interface Measured extends PromiseBody {
    id: string;
    suggested_status: string | null;
    indicators: { slug: string; suggested_status: string; dataset: { url: string } | null }[];
  }
  const promise = async () =>
    (await api('GET', '/api/v1/promises/open-data-portal')).json<Measured>();

  it("shows the indicators' suggestion beside the editors' rating, and follows new data", async () => {
    const upload = await uploadCsv(
      t,
      '/api/v1/datasets/bus-punctuality/resources?wait=true',
      fx.tokens.editor,
      coverageCsv(coverageRows(1)),
    );
    expect(upload.statusCode, upload.body).toBe(201);
    const resourceId = upload.json<{ id: string }>().id;
    const created = await api('POST', '/api/v1/indicators', mayorsEditor, {
      slug: 'portal-coverage',
      title: 'Premises covered',
      unit: '%',
      direction: 'up',
      resource_id: resourceId,
      query: { date: { field: 'quarter' }, value: { fn: 'avg', field: 'pct' } },
      baseline: { value: 20, date: '2022-01-01' },
      target: { value: 40, date: '2024-01-01' },
      promise_id: (await promise()).id,
    });
    expect(created.statusCode, created.body).toBe(201);

    // One point a quarter from 21.5: far from 40 by 2024, so the indicator says stalled.
    const slow = await promise();
    expect(slow.indicators.map((i) => i.slug)).toEqual(['portal-coverage']);
    expect(slow.indicators[0]?.suggested_status).toBe('stalled');
    expect(slow.suggested_status).toBe('stalled');
    expect(slow.indicators[0]?.dataset?.url).toBe('/datasets/bus-punctuality');
    let page = $((await t.app.inject({ url: '/promises/open-data-portal' })).body);
    expect(page('#suggestion').text().trim()).toBe(
      'Indicators suggest: stalled; rated: not yet rated',
    );
    expect(page('a[href="/indicators/portal-coverage"]').length).toBeGreaterThan(0);
    expect(page('a[href="/datasets/bus-punctuality"]').length).toBeGreaterThan(0);
    const card = $((await t.app.inject({ url: '/promises' })).body);
    expect(card('[data-slug="open-data-portal"] img').attr('src')).toBe(
      '/indicators/portal-coverage/sparkline.svg',
    );

    // A new version of the data, growing ten points a quarter, reaches the target.
    const replaced = await uploadCsv(
      t,
      `/api/v1/resources/${resourceId}/data?wait=true`,
      fx.tokens.editor,
      coverageCsv(coverageRows(10)),
    );
    expect(replaced.statusCode, replaced.body).toBeLessThan(300);
    expect((await promise()).suggested_status).toBe('kept');
    page = $((await t.app.inject({ url: '/promises/open-data-portal' })).body);
    expect(page('#suggestion').text().trim()).toBe(
      'Indicators suggest: kept; rated: not yet rated',
    );
  });
});
