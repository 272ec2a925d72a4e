import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/features/accounts/index.js';
import type { TestApp } from '../helpers/app.js';
import {
  challengeTest,
  inclusion,
  PAST,
  type ChallengeTest,
} from '../helpers/challenge-fixture.js';
import { $, h1, PageClient, signedInAs } from '../helpers/pages.js';
import { PASSWORD } from '../helpers/promise-fixture.js';

// The pages for what happens after entering, without JavaScript: the lead changes and withdraws
// an entry (asked first), entries freeze at the deadline, and the office deletes or cancels a
// challenge (asked first, with the reason for a cancellation).

let c: ChallengeTest;
let t: TestApp;
let office: PageClient;
let resident: PageClient;
beforeAll(async () => {
  c = await challengeTest();
  t = c.t;
  await createUser(t.ctx, { email: 'ada@example.org', name: 'Ada Resident', password: PASSWORD });
  office = await signedInAs(t.app, 'cdo@gmca.example', PASSWORD);
  resident = await signedInAs(t.app, 'ada@example.org', PASSWORD);
});
afterAll(() => t.close());

let n = 0;
async function challengeWithEntry(withEntry = true) {
  n++;
  const slug = `${inclusion.slug}-${n}`;
  const res = await c.api('POST', '/api/v1/challenges', c.mayorsEditor, {
    ...inclusion,
    slug,
    state: 'published',
  });
  expect(res.statusCode, res.body).toBe(201);
  if (withEntry) {
    const entered = await resident.post(`/account/challenges/${slug}/enter`, {
      title: 'Not-spots map',
      description: 'Streets with no fixed broadband.',
      url: 'https://example.org/not-spots',
    });
    expect(entered.statusCode, entered.body).toBe(303);
  }
  return slug;
}

const link = (html: string, text: string) =>
  $(html)('a')
    .filter((_, a) => $(html)(a).text().startsWith(text))
    .attr('href') ?? '';

describe('the lead’s entry', () => {
  it('is changed from the challenge page, with problems shown on the form', async () => {
    const slug = await challengeWithEntry();
    const page = await resident.get(`/challenges/${slug}`);
    const edit = link(page.body, 'Change');
    expect(edit).toMatch(/\/edit$/);
    const form = await resident.get(edit);
    expect($(form.body)('#title').val()).toBe('Not-spots map');
    expect($(form.body)('#members').length).toBe(0);
    const bad = await resident.post(edit, { title: '', description: 'x', url: 'https://x.org' });
    expect(bad.statusCode).toBe(422);
    expect($(bad.body)('.govuk-error-summary').text()).toContain('Enter a title');
    const res = await resident.post(edit, {
      title: 'Not-spots map 2',
      description: 'Now by street.',
      url: 'https://example.org/not-spots-2',
      team_name: 'Map makers',
    });
    expect(res.statusCode, res.body).toBe(303);
    const after = await resident.get(`/challenges/${slug}`);
    expect($(after.body)('#entry-list h3').text()).toContain('Not-spots map 2');
    expect($(after.body)('main').text()).toContain('Your entry is changed.');
    // The office judges it but does not change it.
    expect(link((await office.get(`/challenges/${slug}`)).body, 'Change')).toBe('');
    expect((await office.get(edit)).statusCode).toBe(403);
  });

  it('is withdrawn after "are you sure?", and stays on the page for its team only', async () => {
    const slug = await challengeWithEntry();
    const confirm = link((await resident.get(`/challenges/${slug}`)).body, 'Withdraw');
    const asked = await resident.get(confirm);
    expect(h1(asked.body)).toBe('Withdraw your entry “Not-spots map”?');
    const res = await resident.post(confirm, {});
    expect(res.statusCode).toBe(303);
    const own = await resident.get(`/challenges/${slug}`);
    expect($(own.body)('#entry-list').text()).toContain('Withdrawn');
    expect(link(own.body, 'Withdraw')).toBe('');
    const judges = await office.get(`/challenges/${slug}`);
    expect($(judges.body)('#entry-list').length).toBe(0);
    expect($(judges.body)('main').text()).toContain('0 so far');
  });

  it('is frozen at the deadline, with a clear error', async () => {
    const slug = await challengeWithEntry();
    const edit = link((await resident.get(`/challenges/${slug}`)).body, 'Change');
    await c.api('PATCH', `/api/v1/challenges/${slug}`, c.mayorsEditor, { deadline: PAST });
    expect(link((await resident.get(`/challenges/${slug}`)).body, 'Change')).toBe('');
    const late = await resident.get(edit);
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain(`Entries were frozen at the deadline`);
  });
});

describe('the datasets offered', () => {
  it('are typed as page addresses or short names; each not found is named and listed back', async () => {
    const res = await office.post('/publish/challenges/new', {
      organisation: 'gmca',
      title: 'Cleaner air',
      problem: 'Where is the air worst?',
      criteria: 'Reach.',
      'deadline-day': '30',
      'deadline-month': '6',
      'deadline-year': '2099',
      datasets: 'http://metrodata.test/datasets/air-quality\nstaff-rota\nno-such-data',
      promise: '',
      state: 'draft',
    });
    expect(res.statusCode).toBe(422);
    const doc = $(res.body);
    expect(doc('#datasets-error').text()).toContain(
      'There are no public datasets “staff-rota” and “no-such-data”',
    );
    expect(doc('#datasets-chosen a').text()).toBe('Air quality monitoring');
    expect(doc('#datasets-chosen').text()).toContain('“no-such-data”');
    expect(doc('#datasets').text()).toContain('http://metrodata.test/datasets/air-quality');
  });
});

describe('taking a challenge down', () => {
  it('deletes one nobody entered, after "are you sure?"', async () => {
    const slug = await challengeWithEntry(false);
    const confirm = link((await office.get(`/challenges/${slug}`)).body, 'Delete the challenge');
    expect(h1((await office.get(confirm)).body)).toBe(
      'Delete the challenge “Get every household online”?',
    );
    const res = await office.post(confirm, {});
    expect(res.headers.location).toBe('/challenges');
    expect((await office.get(`/challenges/${slug}`)).statusCode).toBe(404);
  });

  it('cancels one with entries, with the reason: public on its page, the entry kept for its team', async () => {
    const slug = await challengeWithEntry();
    const page = (await office.get(`/challenges/${slug}`)).body;
    expect(link(page, 'Delete the challenge')).toBe('');
    const confirm = link(page, 'Cancel the challenge');
    expect((await office.get(`/publish/challenges/${slug}/delete`)).statusCode).toBe(409);
    const asked = await office.get(confirm);
    expect($(asked.body)('main').text()).toContain('It has 1 entry, so it cannot be deleted');
    const blank = await office.post(confirm, { reason: ' ' });
    expect(blank.statusCode).toBe(422);
    expect($(blank.body)('#reason-error').text()).toContain('Enter the reason');
    const res = await office.post(confirm, { reason: 'The **funding** was withdrawn.' });
    expect(res.statusCode).toBe(303);
    const anon = await t.app.inject({ url: `/challenges/${slug}` });
    expect($(anon.body)('#status').text()).toContain('Cancelled');
    expect($(anon.body)('#cancellation-reason strong').text()).toBe('funding');
    expect($(anon.body)('#entry-list').length).toBe(0);
    const own = await resident.get(`/challenges/${slug}`);
    expect($(own.body)('#entry-list').text()).toContain('Not-spots map');
    expect(link(own.body, 'Change')).toBe('');
  });
});
