import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { challengeTest, inclusion, type ChallengeTest } from '../helpers/challenge-fixture.js';
import { gritting } from '../helpers/data-request-fixture.js';
import { $, h1, PageClient } from '../helpers/pages.js';

// "Get involved": one page, under its own item of the navigation, that leads to each way to take
// part, with what is live in it now as the visitor may see it.

let c: ChallengeTest;
beforeAll(async () => {
  c = await challengeTest();
}, 60_000);
afterAll(() => c.t.close());

const page = async () => {
  const res = await new PageClient(c.t.app).get('/get-involved');
  expect(res.statusCode).toBe(200);
  return $(res.body);
};
const section = (doc: ReturnType<typeof $>, id: string) =>
  doc(`section[aria-labelledby="${id}"]`).text().replace(/\s+/g, ' ');

describe('the get involved page', () => {
  it('leads to each way to take part, even when nothing is live yet', async () => {
    const doc = await page();
    expect(h1(doc.html())).toBe('Get involved');
    expect(doc('.govuk-service-navigation__item--active').text()).toContain('Get involved');
    expect(section(doc, 'requests')).toContain('0 requests awaiting or accepted');
    expect(section(doc, 'challenges')).toContain('0 challenges open for entries');
    expect(section(doc, 'challenges')).not.toContain('Latest');
    const actions = doc('a.govuk-button')
      .map((_, a) => doc(a).attr('href'))
      .get();
    expect(actions).toEqual([
      '/report',
      '/data-requests/new',
      '/account/showcases/new',
      '/challenges',
    ]);
  });

  it('counts open challenges (not drafts) and the requests awaiting an answer', async () => {
    const draft = await c.api('POST', '/api/v1/challenges', c.mayorsEditor, inclusion);
    expect(draft.statusCode, draft.body).toBe(201);
    expect(section(await page(), 'challenges')).toContain('0 challenges open for entries');

    const open = await c.api('PATCH', `/api/v1/challenges/${inclusion.slug}`, c.mayorsEditor, {
      state: 'published',
    });
    expect(open.statusCode, open.body).toBe(200);
    const asked = await c.api('POST', '/api/v1/data-requests', c.friend, {
      ...gritting,
      organisation: 'gmca',
    });
    expect(asked.statusCode, asked.body).toBe(201);

    const doc = await page();
    expect(section(doc, 'challenges')).toContain('1 challenge open for entries');
    expect(section(doc, 'challenges')).toContain(
      `Latest: ${inclusion.title} (Closes 30 June 2099)`,
    );
    expect(section(doc, 'requests')).toContain('1 request awaiting or accepted');
    expect(doc(`a[href="/challenges/${inclusion.slug}"]`).text()).toBe(inclusion.title);
  });

  it('puts the pages of each way under "Get involved" in the navigation', async () => {
    for (const url of ['/data-requests', '/showcases', '/challenges']) {
      const res = await new PageClient(c.t.app).get(url);
      expect($(res.body)('.govuk-service-navigation__item--active').text()).toContain(
        'Get involved',
      );
    }
  });
});
