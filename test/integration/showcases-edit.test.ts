import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicShowcase } from '../../src/features/showcases/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer } from '../helpers/fixture.js';
import { startMailCatcher, type MailCatcher } from '../helpers/loopback-servers.js';
import { multipartBody } from '../helpers/multipart.js';
import { $, h1, PageClient, signedInAs } from '../helpers/pages.js';
import {
  ADMIN_PASSWORD,
  RESIDENT,
  seedShowcaseFixture,
  showcaseBody,
  testImage,
  type ShowcaseFixture,
} from '../helpers/showcase-fixture.js';

// After submitting: the author is mailed each decision (through a real SMTP server), and the
// author or a site admin changes a showcase. An author's change to a published or refused one
// sends it back to the queue; an admin's does not. The form takes datasets as addresses or
// short names and, on a problem, lists back which it found.

let t: TestApp;
let fx: ShowcaseFixture;
let smtp: MailCatcher;
let resident: PageClient;

beforeAll(async () => {
  smtp = await startMailCatcher();
  t = await createTestApp({ smtpUrl: smtp.url });
  fx = await seedShowcaseFixture(t);
  resident = await signedInAs(t.app, RESIDENT.email, RESIDENT.password);
}, 60_000);
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const api = (method: 'GET' | 'POST' | 'PATCH', url: string, token?: string, payload?: object) =>
  t.app.inject({
    method,
    url,
    headers: token ? bearer(token) : {},
    ...(payload ? { payload } : {}),
  });

async function submitted(title: string, decision?: 'approve' | 'reject') {
  const res = await api('POST', '/api/v1/showcases', fx.residentToken, showcaseBody({ title }));
  expect(res.statusCode, res.body).toBe(201);
  const slug = res.json<PublicShowcase>().slug;
  if (decision === 'approve')
    await api('POST', `/api/v1/showcases/${slug}/approve`, fx.tokens.admin);
  if (decision === 'reject') {
    await api('POST', `/api/v1/showcases/${slug}/reject`, fx.tokens.admin, { reason: 'No data.' });
  }
  return slug;
}

const publicList = async () =>
  (await api('GET', '/api/v1/showcases?per_page=1000'))
    .json<{ results: PublicShowcase[] }>()
    .results.map((s) => s.slug);

describe('the author is told each decision by e-mail', () => {
  it('approved: the link to the published showcase', async () => {
    const slug = await submitted('Tram tracker', 'approve');
    const mails = smtp.to(RESIDENT.email).filter((m) => m.raw.includes('Tram tracker'));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.raw).toMatch(/^Subject: Your showcase is published: Tram tracker/m);
    expect(mails[0]?.raw).toContain(`http://metrodata.test/showcases/${slug}`);
  });

  it('rejected: the reason, and that it can be changed and sent again', async () => {
    await submitted('Spam machine', 'reject');
    const mail = smtp.to(RESIDENT.email).find((m) => m.raw.includes('Spam machine'))?.raw ?? '';
    expect(mail).toMatch(/^Subject: Your showcase was not approved: Spam machine/m);
    expect(mail).toContain('No data.');
    expect(mail).toContain('You can change it and send it again for approval');
  });
});

describe('changing a showcase by API', () => {
  it('keeps a pending one pending, and logs what changed', async () => {
    const slug = await submitted('Bus watch');
    const res = await api('PATCH', `/api/v1/showcases/${slug}`, fx.residentToken, {
      description: 'Now with **air quality** too.',
      datasets: ['air-quality', 'bus-punctuality'],
    });
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json<PublicShowcase>();
    expect(s).toMatchObject({ status: 'pending', title: 'Bus watch', slug });
    expect(s.datasets.map((d) => d.slug)).toEqual(['air-quality', 'bus-punctuality']);
    const log = await t.ctx.db.kysely
      .selectFrom('activities')
      .select(['action', 'diff'])
      .where('subject_id', '=', s.id)
      .orderBy('created_at')
      .execute();
    expect(log.map((l) => l.action)).toEqual(['showcase.submitted', 'showcase.edited']);
    expect(JSON.stringify(log[1]?.diff)).toContain('air quality');
  });

  it("sends the author's change to a published one back to the queue, hidden until approved", async () => {
    const slug = await submitted('Parking finder', 'approve');
    expect(await publicList()).toContain(slug);
    const res = await api('PATCH', `/api/v1/showcases/${slug}`, fx.residentToken, {
      link: 'https://example.org/casino',
    });
    expect(res.json<PublicShowcase>()).toMatchObject({ status: 'pending', decided_at: null });
    expect(await publicList()).not.toContain(slug);
    expect((await api('GET', `/api/v1/showcases/${slug}`)).statusCode).toBe(404);
    const queue = await api('GET', '/api/v1/showcases?status=pending', fx.tokens.admin);
    expect(queue.json<{ results: PublicShowcase[] }>().results.map((r) => r.slug)).toContain(slug);
  });

  it('keeps a published one published when a site admin changes it', async () => {
    const slug = await submitted('Bin day', 'approve');
    const res = await api('PATCH', `/api/v1/showcases/${slug}`, fx.tokens.admin, {
      title: 'Bin day reminder',
    });
    expect(res.json<PublicShowcase>()).toMatchObject({
      status: 'approved',
      title: 'Bin day reminder',
    });
    expect(await publicList()).toContain(slug);
  });

  it('sends a refused one, once changed by its author, back for approval without the old reason', async () => {
    const slug = await submitted('Rough draft', 'reject');
    const res = await api('PATCH', `/api/v1/showcases/${slug}`, fx.residentToken, {
      description: 'Now it uses the bus data, see the map.',
    });
    expect(res.json<PublicShowcase>()).toMatchObject({ status: 'pending', rejection_reason: null });
  });

  it('changes nothing when a dataset is not found, and names each one', async () => {
    const slug = await submitted('Stable title');
    const res = await api('PATCH', `/api/v1/showcases/${slug}`, fx.residentToken, {
      title: 'New title',
      datasets: ['bus-punctuality', 'staff-rota', 'nope'],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ error: { details: { message: string }[] } }>().error.details).toEqual([
      { field: 'datasets', message: 'There are no public datasets “staff-rota” and “nope”' },
    ]);
    const after = await api('GET', `/api/v1/showcases/${slug}`, fx.residentToken);
    expect(after.json<PublicShowcase>().title).toBe('Stable title');
  });
});

describe('the change form', () => {
  const form = (slug: string) => `/showcases/${slug}/edit`;

  it('starts filled in, and saves the change with a new image', async () => {
    const slug = await submitted('Walk to school', 'approve');
    const page = await resident.get(form(slug));
    expect(page.statusCode).toBe(200);
    const doc = $(page.body);
    expect(doc('#title').val()).toBe('Walk to school');
    expect(doc('#datasets').text()).toBe('bus-punctuality');
    expect(doc('#back-to-queue').text()).toContain('checks your changes');
    const csrf = await resident.csrfFrom(form(slug));
    const res = await resident.upload(
      form(slug),
      multipartBody(
        {
          _csrf: csrf,
          title: 'Walk to school safely',
          type: 'app',
          description: 'Safer routes.',
          link: 'https://example.org/walk',
          datasets: `http://metrodata.test/datasets/air-quality`,
          author_name: '',
        },
        { field: 'image', filename: 'walk.png', content: await testImage() },
      ),
    );
    expect(res.statusCode, res.body).toBe(303);
    const shown = await resident.get(res.headers.location ?? '');
    const after = $(shown.body);
    expect(h1(shown.body)).toBe('Walk to school safely');
    expect(after('main').text()).toContain('A site administrator checks them');
    expect(after('.app-showcase-datasets a').text()).toBe('Air quality monitoring');
    expect(after(`img[src^="/showcases/${slug}/images/"]`).length).toBe(1);
  });

  it('lists back the datasets typed, found or not, and keeps everything typed', async () => {
    const slug = await submitted('Noise map');
    const csrf = await resident.csrfFrom(form(slug));
    const res = await resident.upload(
      form(slug),
      multipartBody({
        _csrf: csrf,
        title: 'Noise map',
        type: 'visualisation',
        description: 'Loud streets.',
        link: 'https://example.org/noise',
        datasets: 'https://metrodata.test/datasets/bus-punctuality\nstaff-rota\nno-such-data',
        author_name: 'The Noise Team',
      }),
    );
    expect(res.statusCode).toBe(422);
    const doc = $(res.body);
    expect(doc('.govuk-error-summary a').text()).toBe(
      'There are no public datasets “staff-rota” and “no-such-data”',
    );
    const chosen = doc('#datasets-chosen li')
      .map((_, li) => doc(li).text().replace(/\s+/g, ' ').trim())
      .get();
    expect(chosen).toEqual([
      'Found Bus punctuality (bus-punctuality)',
      'Not found “staff-rota”: no public dataset has this address or short name',
      'Not found “no-such-data”: no public dataset has this address or short name',
    ]);
    expect(doc('#datasets').text()).toContain('staff-rota');
    expect(doc('#author_name').val()).toBe('The Noise Team');
    expect(doc('#type-3').attr('checked')).toBeDefined();
  });

  it('is for its author and site admins; to the public a waiting showcase does not exist', async () => {
    const pending = await submitted('Not yours');
    const admin = await signedInAs(t.app, 'admin@example.org', ADMIN_PASSWORD);
    expect((await admin.get(form(pending))).statusCode).toBe(200);
    expect((await new PageClient(t.app).get(form(pending))).statusCode).toBe(404);
  });
});
