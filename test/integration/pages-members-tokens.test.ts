import { addMemberToOrganisation } from '../../src/features/organisations/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, setPassword } from '../../src/features/accounts/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, seedFixture } from '../helpers/fixture.js';
import { $, h1, PageClient } from '../helpers/pages.js';

// An organisation's members and a person's own API tokens, managed on the publisher's pages.

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

describe("managing an organisation's members", () => {
  it('lets an org admin add, change and remove members', async () => {
    const browser = await signedIn('boss@bolton.example');
    const home = await browser.get('/publish');
    expect($(home.body)('a[href="/publish/organisations/bolton/members"]').length).toBe(1);
    const url = '/publish/organisations/bolton/members';
    const list = await browser.get(url);
    expect(h1(list.body)).toBe('Members of Bolton Council');
    expect($(list.body)('tbody').text()).toContain('editor@bolton.example');

    const unknown = await browser.post(url, { email: 'nobody@example.org', role: 'editor' });
    expect(unknown.statusCode).toBe(422);
    expect($(unknown.body)('.govuk-error-summary').text()).toContain(
      'E-mail address has no account here',
    );

    const added = await browser.post(url, { email: 'resident@example.org', role: 'editor' });
    expect(added.statusCode).toBe(303);
    const after = $((await browser.get(url)).body);
    const row = after('tbody tr').filter((_, tr) =>
      after(tr).text().includes('resident@example.org'),
    );
    expect(row.find('select option[selected]').val()).toBe('editor');
    const userId = (row.find('form').first().attr('action') ?? '').split('/')[5] ?? '';

    const changed = await browser.post(`${url}/${userId}/role`, { role: 'member' }, { from: url });
    expect(changed.statusCode).toBe(303);
    const roles = $((await browser.get(url)).body);
    expect(
      roles('tbody tr')
        .filter((_, tr) => roles(tr).text().includes('resident@example.org'))
        .find('option[selected]')
        .val(),
    ).toBe('member');

    const removed = await browser.post(`${url}/${userId}/remove`, {}, { from: url });
    expect(removed.statusCode).toBe(303);
    expect((await browser.get(url)).body).not.toContain('resident@example.org');
  });

  it('keeps the last admin', async () => {
    const browser = await signedIn('boss@bolton.example');
    const url = '/publish/organisations/bolton/members';
    const page = $((await browser.get(url)).body);
    const action =
      page('tbody tr')
        .filter((_, tr) => page(tr).text().includes('boss@bolton.example'))
        .find('form')
        .last()
        .attr('action') ?? '';
    const res = await browser.post(action, {}, { from: url });
    expect(res.statusCode).toBe(422);
    expect($(res.body)('.govuk-error-summary').text()).toContain('at least one other admin');
  });

  it('is 403 for an editor', async () => {
    const browser = await signedIn('editor@bolton.example');
    expect((await browser.get('/publish/organisations/bolton/members')).statusCode).toBe(403);
  });
});

describe('API tokens', () => {
  it('creates a token shown once, lists it with its use, and revokes it', async () => {
    const browser = await signedIn('editor@bolton.example');
    const url = '/account/tokens';
    const missing = await browser.post(url, { name: '', expires: '30' });
    expect(missing.statusCode).toBe(422);
    const problems = $(missing.body)('.govuk-error-summary').text();
    expect(problems).toContain('Enter a name for the token');
    expect(problems).toContain('Choose what the token can do');

    const res = await browser.post(url, {
      name: 'Nightly upload',
      scopes: ['read', 'write'],
      expires: '90',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const secret = String($(res.body)('#secret').val());
    expect(secret).toMatch(/^mdt_/);

    const api = await t.app.inject({ url: '/api/v1/datasets/staff-rota', headers: bearer(secret) });
    expect(api.statusCode).toBe(200);

    const list = $((await browser.get(url)).body);
    const row = list('tbody tr').filter((_, tr) => list(tr).text().includes('Nightly upload'));
    expect(row.text()).toContain(secret.slice(0, 10));
    expect(row.text()).not.toContain(secret);
    expect(row.text()).not.toContain('Not used yet');
    const revoke = row.find('form').attr('action') ?? '';
    expect((await browser.post(revoke, {}, { from: url })).statusCode).toBe(303);
    const gone = await t.app.inject({ url: '/api/v1/datasets', headers: bearer(secret) });
    expect(gone.statusCode).toBe(401);
  });

  it("cannot revoke someone else's token", async () => {
    const owner = await signedIn('editor@wigan.example');
    await owner.post('/account/tokens', { name: 'Wigan job', scopes: ['read'], expires: 'never' });
    const id = await t.ctx.db.kysely
      .selectFrom('api_tokens')
      .select('id')
      .where('name', '=', 'Wigan job')
      .executeTakeFirstOrThrow();
    const other = await signedIn('editor@bolton.example');
    const res = await other.post(
      `/account/tokens/${id.id}/revoke`,
      {},
      { from: '/account/tokens' },
    );
    expect(res.statusCode).toBe(404);
  });
});
