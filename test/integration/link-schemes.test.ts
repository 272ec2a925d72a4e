import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setPassword } from '../../src/features/accounts/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, seedFixture, type Fixture } from '../helpers/fixture.js';
import { $, PageClient } from '../helpers/pages.js';

const PASSWORD = 'correct horse battery staple';
let t: TestApp;
let fx: Fixture;

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedFixture(t.ctx);
  await setPassword(t.ctx, 'editor@bolton.example', PASSWORD);
});
afterAll(() => t.close());

const HOSTILE = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  '  javascript:alert(1)',
  '\tjavascript:alert(1)',
  '\njavascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
];
const GOOD = 'https://data.bolton.example/source';

interface ErrorBody {
  error: { code: string; details: { field: string }[] };
}

const send = (method: string, url: string, payload: object, token = fx.tokens.editor) =>
  t.app.inject({ method, url, payload, headers: bearer(token) });

describe('only http(s) links are stored (and mailto: for contact)', () => {
  it.each(HOSTILE)('refuses %j wherever a link is stored, naming the field', async (bad) => {
    const cases: [string, string, object, string, string?][] = [
      ['PATCH', '/api/v1/datasets/bus-punctuality', { source_url: bad }, 'source_url'],
      [
        'POST',
        '/api/v1/datasets',
        { title: 'x', organisation: 'bolton', source_url: bad },
        'source_url',
      ],
      ['POST', '/api/v1/datasets/bus-punctuality/resources', { name: 'feed', url: bad }, 'url'],
      [
        'POST',
        '/api/v1/organisations',
        { slug: 'evil-org', name: 'Evil', kind: 'other', url: bad },
        'url',
        fx.tokens.admin,
      ],
    ];
    for (const [method, url, payload, field, token] of cases) {
      const res = await send(method, url, payload, token);
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(400);
      expect(res.json<ErrorBody>().error.details[0]?.field, url).toBe(field);
    }
  });

  it('takes a good https address, in any case', async () => {
    for (const good of [GOOD, 'HTTPS://data.bolton.example/x']) {
      const res = await send('PATCH', '/api/v1/datasets/bus-punctuality', { source_url: good });
      expect(res.statusCode, res.body).toBe(200);
    }
  });

  it('shows a field error on the publisher form', async () => {
    const browser = new PageClient(t.app);
    expect((await browser.signIn('editor@bolton.example', PASSWORD)).statusCode).toBe(303);
    const res = await browser.post(
      '/publish/datasets/bus-punctuality/edit',
      {
        title: 'Bus punctuality',
        organisation: 'bolton',
        licence: 'OGL-UK-3.0',
        visibility: 'public',
        state: 'active',
        source_url: ' JAVASCRIPT:alert(1)',
      },
      { from: '/publish/datasets/bus-punctuality/edit' },
    );
    expect(res.statusCode, res.body.slice(0, 500)).toBe(422);
    expect($(res.body)('#source-url-error').text()).toContain('web address');
  });

  it('never renders a stored unsafe link as an href', async () => {
    // Written past the API's check, as older data might be.
    await t.ctx.db.kysely
      .updateTable('datasets')
      .set({ source_url: 'JaVaScRiPt:alert(1)' })
      .where('slug', '=', 'bus-punctuality')
      .execute();
    const page = $((await t.app.inject('/datasets/bus-punctuality')).body);
    const hrefs = page('a')
      .map((_, a) => page(a).attr('href') ?? '')
      .get();
    expect(hrefs.some((h) => /script:/i.test(h))).toBe(false);
  });
});
