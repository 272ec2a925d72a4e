import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import {
  EVERYONE,
  freshCase,
  seers,
  type CaseOptions,
  type Kind,
  type Who,
} from '../helpers/authorisation-matrix.js';
import { bearer, seedFixture, type Fixture } from '../helpers/fixture.js';

// The authorisation matrix of the quality scores: who may ask for a dataset's links to be
// checked again (its publishers and site admins), and who sees the scores of a private, draft
// or deleted dataset (those who may read it; the league table counts public datasets only).

let t: TestApp;
let fx: Fixture;
let counter = 0;

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedFixture(t.ctx);
});
afterAll(() => t.close());

const headers = (who: Who) => (who === 'anonymous' ? {} : bearer(fx.tokens[who]));
const freshDataset = (options: CaseOptions = {}) => freshCase(t, fx, ++counter, options);

describe('asking for a re-check of a dataset’s links', () => {
  it.each(EVERYONE)('as %s', async (who) => {
    const { slug } = await freshDataset();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/quality/datasets/${slug}/recheck`,
      headers: headers(who),
    });
    const expected = ['editor', 'admin'].includes(who)
      ? 200
      : ['anonymous', 'expired', 'revoked'].includes(who)
        ? 401
        : 403;
    expect(res.statusCode, res.body).toBe(expected);
    if (expected >= 400) expect(res.json()).toHaveProperty('error.code');
  });
});

describe.each(['private', 'draft', 'deleted'] as Kind[])('the quality of a %s dataset', (kind) => {
  it.each(EVERYONE)('as %s', async (who) => {
    const { slug } = await freshDataset(
      kind === 'private'
        ? { visibility: 'private' }
        : kind === 'draft'
          ? { state: 'draft' }
          : { deleted: true },
    );
    const res = await t.app.inject({
      url: `/api/v1/quality/datasets/${slug}`,
      headers: headers(who),
    });
    const expected = ['expired', 'revoked'].includes(who)
      ? 401
      : seers[kind].includes(who)
        ? 200
        : 404;
    expect(res.statusCode, res.body).toBe(expected);
    // Aggregates never count it, whoever asks.
    const league = await t.app.inject({
      url: '/api/v1/quality/organisations/bolton',
      headers: headers(who),
    });
    if (league.statusCode === 200) {
      const slugs = league.json<{ results: { slug: string }[] }>().results.map((r) => r.slug);
      expect(slugs).not.toContain(slug);
    }
  });
});
