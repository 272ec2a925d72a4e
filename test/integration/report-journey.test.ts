import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setPassword } from '../../src/features/accounts/index.js';
import { seedPostcodes } from '../../src/features/places/index.js';
import { listJobs as listJobRows } from '../../src/platform/jobs/job.repository.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { decodedBody, readOutbox } from '../helpers/mail.js';
import { $, h1, PageClient } from '../helpers/pages.js';
import { linkIn, postDetails } from '../helpers/report-journey.js';
import { seedReportFixture, type ReportFixture } from '../helpers/report-fixture.js';

// "Report a problem", step by step through the pages as a resident without JavaScript goes:
// where (a postcode or a place), is this the place, what is it, the details, then the e-mailed
// link; and a signed-in resident whose report goes at once.

let t: TestApp;
let fx: ReportFixture;

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedReportFixture(t.ctx);
  await seedPostcodes(t.ctx, [
    {
      postcode: 'WS1 1AA',
      latitude: fx.points.west.lat,
      longitude: fx.points.west.lon,
      local_authority_code: 'E08000091',
      ward_code: null,
      terminated: false,
      source: 'synthetic (demo)',
    },
    {
      postcode: 'ZZ9 9ZZ',
      latitude: fx.points.outside.lat,
      longitude: fx.points.outside.lon,
      local_authority_code: null,
      ward_code: null,
      terminated: false,
      source: 'synthetic (demo)',
    },
  ]);
}, 60_000);
afterAll(() => t.close());

const listJobs = (ctx: TestApp['ctx'], kind: string) =>
  listJobRows(ctx.db.kysely, { kind, limit: 100 });

const west = () => `lat=${fx.points.west.lat}&lon=${fx.points.west.lon}`;

describe('where is the problem', () => {
  it('asks for a postcode or place, and says what is wrong with an empty one', async () => {
    const client = new PageClient(t.app);
    const start = await client.get('/report');
    expect(start.statusCode).toBe(200);
    expect($(start.body)('label[for=q]').text()).toContain('Postcode or place');
    const empty = await client.get('/report?q=');
    expect(empty.statusCode).toBe(422);
    expect($(empty.body)('.govuk-error-summary').text()).toContain(
      'Enter a postcode or the name of a place',
    );
  });

  it('takes a postcode to the confirm step, with the map of the spot, ward and body', async () => {
    const client = new PageClient(t.app);
    const found = await client.get('/report?q=ws11aa');
    expect(found.statusCode).toBe(303);
    const where = found.headers.location ?? '';
    expect(where).toBe(`/report/where?${west()}&place=WS1+1AA`);
    const page = await client.get(where);
    expect(page.statusCode).toBe(200);
    expect(h1(page.body)).toBe('Is this the place?');
    const doc = $(page.body);
    expect(doc('.govuk-summary-list').text()).toContain('West North');
    expect(doc('.govuk-summary-list').text()).toContain('Westshire Council');
    expect(doc('.govuk-inset-text').text()).toContain('made up for the demo');
    expect(doc('a.govuk-button').attr('href')).toBe(`/report/category?${west()}&place=WS1+1AA`);
    expect(doc('a[href="/report"]').text()).toContain('Choose another place');

    const img = doc('img').attr('src') ?? '';
    expect(doc('img').attr('alt')).toContain('West North ward');
    const svg = await client.get(img);
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body).toContain(
      '<title>Map: a pin on the chosen spot, inside the outline of West North ward of Westshire Council</title>',
    );
    // The ward and the borough are drawn as outlines.
    expect(svg.body.match(/<path d="M/g)?.length).toBeGreaterThanOrEqual(3);
  });

  it('says when a postcode is unknown, and when a place is outside the region', async () => {
    const client = new PageClient(t.app);
    const unknown = await client.get('/report?q=AB1+2CD');
    expect(unknown.statusCode).toBe(422);
    expect($(unknown.body)('.govuk-error-message').text()).toContain(
      'We could not find the postcode AB1 2CD',
    );
    const outside = await client.get(
      (await client.get('/report?q=ZZ9+9ZZ')).headers.location ?? '',
    );
    expect(outside.statusCode).toBe(422);
    expect($(outside.body)('.govuk-error-summary').text()).toMatch(
      /outside Testshire\. Testshire lies between latitudes 0\.000°N and 1\.000°N/,
    );
    const broken = await client.get('/report/where?lat=north&lon=1');
    expect(broken.statusCode).toBe(400);
  });

  it('lists the wards and boroughs matching a name, each with a point inside it', async () => {
    const client = new PageClient(t.app);
    const page = await client.get('/report?q=west');
    expect(page.statusCode).toBe(200);
    const links = $(page.body)('#place-matches a')
      .toArray()
      .map((a) => $(page.body)(a).text());
    expect(links).toEqual(['Westshire Council', 'West North', 'West South']);
    const southHref = $(page.body)('#place-matches a').eq(2).attr('href') ?? '';
    const where = await client.get(southHref);
    expect($(where.body)('.govuk-summary-list').text()).toContain('West South');
    const none = await client.get('/report?q=Atlantis');
    expect(none.statusCode).toBe(422);
    expect($(none.body)('.govuk-error-summary').text()).toContain('No ward or borough is called');
  });
});

describe('what is the problem', () => {
  it('offers the categories answered at the point, grouped, with the body receiving each', async () => {
    const page = await new PageClient(t.app).get(`/report/category?${west()}`);
    expect(page.statusCode).toBe(200);
    const doc = $(page.body);
    expect(
      doc('legend')
        .toArray()
        .map((l) => doc(l).text().trim()),
    ).toEqual(['Roads', 'Rubbish', 'Transport']);
    const pothole = doc('input[value=potholes]');
    expect(pothole.attr('name')).toBe('category');
    expect(doc(`#${pothole.attr('id') ?? ''}-item-hint`).text()).toContain(
      'Sent to Westshire Council',
    );
    expect(doc('input[value=bus-shelters]').parent().text()).toContain('Testshire Transport');
  });

  it('asks again when no problem was chosen, or one not answered there', async () => {
    const client = new PageClient(t.app);
    const none = await client.get(`/report/details?${west()}`);
    expect(none.statusCode).toBe(422);
    expect($(none.body)('.govuk-error-summary').text()).toContain('Choose the problem');
    const other = await client.get(`/report/details?${west()}&category=graffiti`);
    expect(other.statusCode).toBe(422);
    expect($(other.body)('.govuk-error-summary').text()).toContain('not reported here');
  });
});

describe('the details, and the e-mailed link', () => {
  const details = () => `/report/details?${west()}&category=potholes&place=WS1+1AA`;

  it('shows the category’s questions and keeps what was typed when something is missing', async () => {
    const client = new PageClient(t.app, { remoteAddress: '198.51.100.10' });
    const form = await client.get(details());
    expect(form.statusCode).toBe(200);
    const doc = $(form.body);
    expect(doc('fieldset legend').text()).toContain('Is it blocking the road?');
    expect(doc('input[name="attribute[blocking]"][type=radio]').length).toBe(2);
    expect(doc('input[name=photos][type=file]').attr('multiple')).toBeDefined();
    // The token comes first, as the server reads it before any photo.
    expect(doc('form[enctype="multipart/form-data"] input').first().attr('name')).toBe('_csrf');

    const failed = await postDetails(client, details(), {
      description: 'Deep hole by the school gates',
      name: 'Sam',
      show_name: 'yes',
    });
    expect(failed.statusCode).toBe(422);
    const again = $(failed.body);
    expect(
      again('.govuk-error-summary a')
        .toArray()
        .map((a) => again(a).text()),
    ).toEqual([
      'Answer “Is it blocking the road?”',
      'Enter your e-mail address: we send you a link to confirm the report',
    ]);
    expect(again('#description').text()).toBe('Deep hole by the school gates');
    expect(again('#name').val()).toBe('Sam');
    expect(again('#show-name').attr('checked')).toBeDefined();
    expect(again('.govuk-error-summary a').first().attr('href')).toBe('#attribute-blocking');
    expect(again('#attribute-blocking').length).toBe(1);
  });

  it('refuses a form without its token', async () => {
    const client = new PageClient(t.app);
    await client.get(details());
    const { multipartForm } = await import('../helpers/report-journey.js');
    const res = await client.upload(
      '/report/details',
      multipartForm([
        ['lat', String(fx.points.west.lat)],
        ['lon', String(fx.points.west.lon)],
        ['category', 'fly-tipping'],
        ['description', 'x'],
      ]),
    );
    expect(res.statusCode).toBe(403);
  });

  it('holds an anonymous report until the mailed link is confirmed, by a button, once', async () => {
    const client = new PageClient(t.app, { remoteAddress: '198.51.100.11' });
    const sent = await postDetails(client, details(), {
      description: 'A pothole as deep as a bucket',
      'attribute[blocking]': 'yes',
      email: 'walker@example.org',
      phone: '0161 000 0000',
    });
    expect(sent.statusCode).toBe(200);
    expect(h1(sent.body)).toBe('Check your e-mail');
    expect($(sent.body)('main').text()).toContain('walker@example.org');

    const mail = (await readOutbox(t.ctx))
      .map(decodedBody)
      .find((m) => m.includes('walker@example.org'));
    const link = linkIn(mail ?? '', '/report/confirm/');
    // Opening the link (a mail scanner does) confirms nothing.
    const opened = await client.get(link);
    expect(opened.statusCode).toBe(200);
    expect(h1(opened.body)).toBe('Confirm your report');
    expect((await listJobs(t.ctx, 'report.send')).length).toBe(0);

    const csrf = await client.csrfFrom(link);
    const confirmed = await client.post(link, {}, { csrf });
    expect(confirmed.statusCode).toBe(200);
    expect($(confirmed.body)('.govuk-panel__title').text().trim()).toBe(
      'Your report has been sent to Westshire Council',
    );
    const reportLink = $(confirmed.body)('a[href^="/reports/"]').attr('href') ?? '';
    expect(reportLink).toMatch(/^\/reports\/[0-9a-f-]{36}$/);
    expect((await listJobs(t.ctx, 'report.send')).length).toBe(1);

    // A second use says so, and sends nothing more.
    const twice = await client.post(link, {}, { csrf });
    expect($(twice.body)('.govuk-panel__body').text()).toContain('already confirmed');
    expect((await listJobs(t.ctx, 'report.send')).length).toBe(1);
    const unknown = await client.get('/report/confirm/not-a-real-token');
    expect(unknown.statusCode).toBe(410);
  });

  it('sends a signed-in, verified resident’s report at once, without asking for an e-mail', async () => {
    await setPassword(t.ctx, fx.emails.resident, 'a long enough password');
    const client = new PageClient(t.app, { remoteAddress: '198.51.100.12' });
    await client.signIn(fx.emails.resident, 'a long enough password');
    const url = `/report/details?lat=${fx.points.east.lat}&lon=${fx.points.east.lon}&category=fly-tipping`;
    const form = await client.get(url);
    expect($(form.body)('#email').length).toBe(0);
    expect($(form.body)('main').text()).toContain(fx.emails.resident);
    const sent = await postDetails(client, url, { description: 'Mattresses on the verge' });
    expect(sent.statusCode).toBe(303);
    const page = await client.get(sent.headers.location ?? '');
    expect($(page.body)('.govuk-panel__title').text().trim()).toBe(
      'Your report has been sent to Eastshire Council',
    );
  });

  it('shows the limit on reports from one address as a GOV.UK error (429)', async () => {
    const client = new PageClient(t.app, { remoteAddress: '198.51.100.13' });
    const url = `/report/details?${west()}&category=fly-tipping`;
    let last = 0;
    let body = '';
    for (let i = 0; i < 21; i++) {
      const res = await postDetails(client, url, {
        description: `Bags of rubbish ${i}`,
        email: `n${i}@example.org`,
      });
      last = res.statusCode;
      body = res.body;
    }
    expect(last, $(body)('.govuk-error-summary').text()).toBe(429);
    expect($(body)('.govuk-error-summary').text()).toContain('Too many reports from this address');
  });
});
