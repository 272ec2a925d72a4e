import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLinkResource } from '../../src/features/catalog/index.js';
import { rescorePass } from '../../src/features/quality/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { recordBrokenLink } from '../helpers/broken-link.js';
import { seedFixture, type Fixture } from '../helpers/fixture.js';
import { $ } from '../helpers/pages.js';

// The quality pages: the dataset page's panel (stars, points, fixes), the league table and an
// organisation's quality page with its broken links.

let t: TestApp;
let fx: Fixture;

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedFixture(t.ctx);
  const link = await addLinkResource(t.ctx, fx.editorActor, 'bus-punctuality', {
    name: 'Timetable',
    url: 'https://example.org/timetable.csv',
    format: 'CSV',
  });
  await addLinkResource(t.ctx, fx.editorActor, 'fly-tipping-reports', {
    name: 'Map',
    url: 'https://example.org/map',
    format: 'HTML',
  });
  await recordBrokenLink(t.ctx, link.id, 'https://example.org/timetable.csv');
  await rescorePass(t.ctx);
});
afterAll(() => t.close());

describe('quality pages', () => {
  it('shows a dataset’s stars, points per dimension and what to fix on its page', async () => {
    const res = await t.app.inject({ url: '/datasets/bus-punctuality' });
    expect(res.statusCode).toBe(200);
    const page = $(res.body);
    expect(page('#quality-stars').text()).toBe('3 of 5 stars');
    expect(page('#quality-dimensions tbody tr').length).toBe(5);
    const fixes = page('#quality-fixes').text();
    expect(fixes).toContain('“Timetable”: this link answers 404');
    expect(fixes).toContain('Add a temporal coverage');
  });

  it('says when links have not been checked yet', async () => {
    const page = $((await t.app.inject({ url: '/datasets/fly-tipping-reports' })).body);
    expect(page('#quality-unchecked').text()).toContain('1 link not checked yet');
  });

  it('compares the bodies on /quality, and explains the scores', async () => {
    const res = await t.app.inject({ url: '/quality' });
    expect(res.statusCode).toBe(200);
    const page = $(res.body);
    const bodies = page('#league-table tbody tr')
      .map((_i, el) => page(el).attr('data-organisation'))
      .get();
    expect(bodies.sort()).toEqual(['bolton', 'wigan']);
    expect(page('#how').length).toBe(1);
  });

  it('shows a body’s scores, broken links and datasets, not its private ones', async () => {
    const res = await t.app.inject({ url: '/quality/organisations/bolton' });
    expect(res.statusCode).toBe(200);
    const page = $(res.body);
    expect(page('#organisation-score').text()).toContain('Public datasets scored');
    expect(page('#broken-links-list').text()).toContain('“Timetable”: answers 404');
    const datasets = page('#dataset-scores tbody th')
      .map((_i, el) => page(el).text())
      .get();
    expect(datasets.sort()).toEqual(['Bus punctuality', 'Fly-tipping reports']);
  });

  it('is linked from the organisation’s own page', async () => {
    const page = $((await t.app.inject({ url: '/organisations/bolton' })).body);
    expect(page('a[href="/quality/organisations/bolton"]').length).toBe(1);
  });

  it('answers an unknown body and a bad page number with error pages', async () => {
    expect((await t.app.inject({ url: '/quality/organisations/nowhere' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/quality?page=0' })).statusCode).toBe(400);
  });
});
