import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/features/accounts/index.js';
import { addMemberToOrganisation } from '../../src/features/organisations/index.js';
import type { TestApp } from '../helpers/app.js';
import {
  challengeTest,
  FUTURE,
  PAST,
  type ChallengeBody,
  type ChallengeTest,
} from '../helpers/challenge-fixture.js';
import { $, h1, PageClient, signedInAs } from '../helpers/pages.js';
import { PASSWORD } from '../helpers/promise-fixture.js';

// The challenges' pages, as people use them without JavaScript: the mayor's office sets a
// challenge by form, a resident enters with a team mate, the deadline passes (moved to a fixed
// past date) and the office picks the winner and writes the outcome.

let c: ChallengeTest;
let t: TestApp;
let office: PageClient;
let resident: PageClient;
beforeAll(async () => {
  c = await challengeTest();
  t = c.t;
  await createUser(t.ctx, { email: 'ada@example.org', name: 'Ada Resident', password: PASSWORD });
  await createUser(t.ctx, { email: 'bo@example.org', name: 'Bo Resident', password: PASSWORD });
  await createUser(t.ctx, { email: 'ed@bolton.example', name: 'Ed', password: PASSWORD });
  await addMemberToOrganisation(t.ctx, 'ed@bolton.example', 'bolton', 'editor');
  office = await signedInAs(t.app, 'cdo@gmca.example', PASSWORD);
  resident = await signedInAs(t.app, 'ada@example.org', PASSWORD);
});
afterAll(() => t.close());

const form = {
  organisation: 'gmca',
  title: 'Get every household online',
  problem: 'Thousands of households have **no broadband**.',
  criteria: 'How many households it could reach.',
  prize: '£10,000',
  'deadline-day': FUTURE.slice(8, 10),
  'deadline-month': FUTURE.slice(5, 7),
  'deadline-year': FUTURE.slice(0, 4),
  datasets: 'bus-punctuality\nair-quality',
  promise: 'full-fibre-schools',
  state: 'published',
};

describe('challenge pages', () => {
  it('shows every problem of the challenge form at once', async () => {
    const res = await office.post(
      '/publish/challenges/new',
      { ...form, title: '', 'deadline-day': '31', 'deadline-month': '2', datasets: 'staff-rota' },
      { from: '/publish/challenges/new' },
    );
    expect(res.statusCode).toBe(422);
    const summary = $(res.body)('.govuk-error-summary__list li')
      .map((_, li) => $(res.body)(li).text().trim())
      .get();
    expect(summary).toEqual(['Enter a title', 'Deadline must be a real date']);
  });

  it("lets the mayor's office publish a challenge, linked to its promise", async () => {
    const res = await office.post('/publish/challenges/new', form, {
      from: '/publish/challenges/new',
    });
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe('/challenges/get-every-household-online');
    const page = await t.app.inject({ url: '/challenges/get-every-household-online' });
    expect(h1(page.body)).toBe('Get every household online');
    const $p = $(page.body);
    expect($p('#status').text()).toContain('Open for entries');
    expect($p('#problem + div strong').text()).toBe('no broadband');
    expect(
      $p('#datasets + ul a')
        .map((_, a) => $p(a).text())
        .get(),
    ).toEqual(['Bus punctuality', 'Air quality monitoring']);
    const promise = await t.app.inject({ url: '/promises/full-fibre-schools' });
    expect($(promise.body)('#challenges + ul a').text()).toBe('Get every household online');
    const list = await t.app.inject({ url: '/challenges' });
    expect($(list.body)('[data-status="open"] a').text()).toBe('Get every household online');
  });

  it("does not let a council's editor edit the mayor's challenge", async () => {
    const ed = await signedInAs(t.app, 'ed@bolton.example', PASSWORD);
    const res = await ed.get('/publish/challenges/get-every-household-online/edit');
    expect(res.statusCode).toBe(403);
  });

  it('sends anonymous people to sign in before entering', async () => {
    const res = await t.app.inject({ url: '/account/challenges/get-every-household-online/enter' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toContain('/sign-in?next=');
  });

  it('lets a resident enter with a team mate, who accepts; others see nothing yet', async () => {
    const url = '/account/challenges/get-every-household-online/enter';
    const bad = await resident.post(url, {
      title: 'Map',
      description: 'x',
      url: 'javascript:alert(1)',
    });
    expect(bad.statusCode).toBe(422);
    expect($(bad.body)('#url-error').text()).toContain('full web address');
    const res = await resident.post(url, {
      title: 'Not-spots map',
      description: 'Streets with no fixed broadband.',
      url: 'https://example.org/not-spots',
      team_name: 'Team Not-spots',
      members: 'bo@example.org',
    });
    expect(res.statusCode, res.body).toBe(303);
    const own = await resident.get('/challenges/get-every-household-online');
    expect($(own.body)('#entry-list h3').text()).toContain('Not-spots map');
    const anon = await t.app.inject({ url: '/challenges/get-every-household-online' });
    expect($(anon.body)('#entry-list').length).toBe(0);
    expect($(anon.body)('#entries + .govuk-inset-text').text()).toContain('1 so far');

    const bo = await signedInAs(t.app, 'bo@example.org', PASSWORD);
    const invitations = await bo.get('/account/challenges');
    const action = $(invitations.body)('#invitations form').attr('action') ?? '';
    const accepted = await bo.post(action, {}, { from: '/account/challenges' });
    expect(accepted.statusCode).toBe(303);
    // Judging waits for the deadline.
    const early = await office.get('/publish/challenges/get-every-household-online/judge');
    expect($(early.body)('#not-yet').text()).toContain('Entries are judged after the deadline');
    const after = await bo.get('/challenges/get-every-household-online');
    expect($(after.body)('#entry-list').text()).toContain('Ada Resident, Bo Resident');
  });

  it('closes the form at the deadline, then the office picks a winner and writes the outcome', async () => {
    const moved = await c.api(
      'PATCH',
      '/api/v1/challenges/get-every-household-online',
      c.mayorsEditor,
      {
        deadline: PAST,
      },
    );
    expect(moved.json<ChallengeBody>().status).toBe('judging');
    const closed = await resident.get('/account/challenges/get-every-household-online/enter');
    expect($(closed.body)('#closed').text()).toContain('Entries closed at the deadline');
    const judge = '/publish/challenges/get-every-household-online/judge';
    const page = await office.get(judge);
    const name = $(page.body)('input[value="winner"]').attr('name') ?? '';
    const empty = await office.post(judge, { [name]: 'none', outcome: '' });
    expect(empty.statusCode).toBe(422);
    const res = await office.post(judge, {
      [name]: 'winner',
      outcome: 'The **not-spots map** won; a pilot starts in March.',
    });
    expect(res.statusCode, res.body).toBe(303);
    const pub = await t.app.inject({ url: '/challenges/get-every-household-online' });
    const $p = $(pub.body);
    expect($p('#status').text()).toContain('Decided');
    expect($p('#winners').text()).toContain('Not-spots map');
    expect($p('#outcome + div strong').text()).toBe('not-spots map');
    expect($p('#entry-list').text()).toContain('Streets with no fixed broadband.');
  });
});
