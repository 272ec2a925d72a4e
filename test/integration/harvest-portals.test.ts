import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/features/accounts/index.js';
import { createSource, runHarvest } from '../../src/features/harvest/index.js';
import type { HarvestSourceType } from '../../src/platform/db/schema.js';
import type { TestContext } from '../helpers/context.js';
import { harvestingSite } from '../helpers/harvest-site.js';
import {
  startRecordedPortal,
  type LoopbackServer,
  type Recorded,
} from '../helpers/harvest-servers.js';

// DataPress, Opendatasoft, Socrata and a plain data.json catalogue, each played by a server of
// recorded responses on loopback (test/fixtures/harvest/, written from each service's public
// documentation and trimmed by hand). The source changes between runs as portals do: one
// dataset edited, one added, one deleted, and a malformed record that is logged every run
// without stopping it.

let local: TestContext;
let admin: Actor;

beforeAll(async () => {
  ({ ctx: local, admin } = await harvestingSite());
});
afterAll(() => local.cleanup());

const JSON_TYPE = 'application/json; charset=utf-8';
const ODS = '/api/explore/v2.1/catalog/datasets?limit=100&offset=';

interface Portal {
  type: HarvestSourceType;
  /** The source URL's path, as an administrator would give it. */
  path: string;
  /** The portal's answers when its catalogue is at `version` (1, then 2). */
  routes: (version: number) => Record<string, Recorded>;
  /** Titles harvested after each version. */
  titles: [string[], string[]];
  /** The malformed record's error, logged each run. */
  malformed: string;
}

const PORTALS: [string, Portal][] = [
  [
    'DataPress',
    {
      type: 'datapress',
      path: '/',
      routes: (v) => ({
        '/api/v3/datasets/export.json': {
          file: `datapress-export-${String(v)}.json`,
          contentType: JSON_TYPE,
        },
      }),
      titles: [
        ['Bin collection days', 'Parking bays', 'Street lights'],
        ['Allotment plots', 'Parking bays and permits', 'Street lights'],
      ],
      malformed: 'record 4 has no title',
    },
  ],
  [
    'Opendatasoft, two to a page',
    {
      type: 'opendatasoft',
      path: '',
      routes: (v) => ({
        [`${ODS}0`]: { file: `opendatasoft-${String(v)}-page-1.json`, contentType: JSON_TYPE },
        [`${ODS}2`]: { file: `opendatasoft-${String(v)}-page-2.json`, contentType: JSON_TYPE },
      }),
      titles: [
        ['Cycle hire stations', 'Drinking fountains', 'Street markets'],
        ['Cycle hire stations', 'Public toilets', 'Street markets'],
      ],
      malformed: 'has no title',
    },
  ],
  [
    'Socrata',
    {
      type: 'socrata',
      path: '/',
      routes: (v) => ({
        '/data.json': { file: `socrata-data-${String(v)}.json`, contentType: JSON_TYPE },
      }),
      titles: [
        ['311 service requests', 'Building permits', 'Tree canopy'],
        ['311 service requests', 'Bike lanes', 'Building permits'],
      ],
      malformed: 'record 4 has no title',
    },
  ],
  [
    'a plain data.json',
    {
      type: 'socrata',
      path: '/catalog/data.json',
      routes: (v) => ({
        '/catalog/data.json': { file: `data-json-${String(v)}.json`, contentType: JSON_TYPE },
      }),
      titles: [
        ['Field offices', 'Grant awards', 'Inspection schedule'],
        ['Field offices and hours', 'Grant awards', 'Loan programmes'],
      ],
      malformed: 'record 2 is not an object',
    },
  ],
];

/** The active datasets harvested from the source, by title. */
async function harvestedTitles(sourceId: string): Promise<string[]> {
  const rows = await local.db.kysely
    .selectFrom('harvested_datasets')
    .innerJoin('datasets', 'datasets.id', 'harvested_datasets.dataset_id')
    .select('datasets.title')
    .where('harvested_datasets.source_id', '=', sourceId)
    .where('datasets.state', '=', 'active')
    .orderBy('datasets.title')
    .execute();
  return rows.map((r) => r.title);
}

/** The errors the run logged for records it could not take. */
async function failures(runId: string): Promise<string[]> {
  const rows = await local.db.kysely
    .selectFrom('harvest_items')
    .select('error')
    .where('run_id', '=', runId)
    .where('action', '=', 'failed')
    .execute();
  return rows.map((r) => r.error ?? '');
}

describe.each(PORTALS)('harvesting %s from recorded responses', (name, portal) => {
  let version = 1;
  let server: LoopbackServer;
  let sourceId: string;

  beforeAll(async () => {
    server = await startRecordedPortal(() => portal.routes(version));
    const source = await createSource(local, admin, {
      organisation: 'gmca',
      title: name,
      url: `${server.origin}${portal.path}`,
      type: portal.type,
    });
    sourceId = source.id;
  });
  afterAll(() => server.close());

  it('takes every dataset, and logs the malformed record without stopping', async () => {
    const run = await runHarvest(local, sourceId);
    expect(run).toMatchObject({
      status: 'succeeded',
      created: 3,
      updated: 0,
      unchanged: 0,
      withdrawn: 0,
      failed: 1,
    });
    expect(await harvestedTitles(sourceId)).toEqual(portal.titles[0]);
    const errors = await failures(run.id);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(portal.malformed);
    // Every recorded page was read (two for the paged portal), and nothing else was asked for.
    expect(server.exchanges.map((e) => e.url).sort()).toEqual(Object.keys(portal.routes(1)).sort());
    expect(server.exchanges.every((e) => e.status === 200)).toBe(true);
  });

  it('counts what changed at the source: one edited, one added, one deleted', async () => {
    version = 2;
    const run = await runHarvest(local, sourceId);
    expect(run).toMatchObject({
      status: 'succeeded',
      created: 1,
      updated: 1,
      unchanged: 1,
      withdrawn: 1,
      failed: 1,
    });
    expect(await harvestedTitles(sourceId)).toEqual(portal.titles[1]);
  });

  it('finds nothing to do when the source has not changed', async () => {
    const run = await runHarvest(local, sourceId);
    expect(run).toMatchObject({
      status: 'succeeded',
      created: 0,
      updated: 0,
      unchanged: 3,
      withdrawn: 0,
      failed: 1,
    });
  });
});
