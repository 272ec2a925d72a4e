import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/features/accounts/index.js';
import { createSource, runHarvest } from '../../src/features/harvest/index.js';
import type { TestContext } from '../helpers/context.js';
import { harvestingSite } from '../helpers/harvest-site.js';
import {
  startRecordedPortal,
  type LoopbackServer,
  type Recorded,
} from '../helpers/harvest-servers.js';

// DCAT published by other software, from recorded responses on loopback (written by hand in
// the shapes ckanext-dcat and data.europa.eu publish): RDF/XML paged by hydra:nextPage, and
// JSON-LD paged by hydra:next whose @context is a remote document, fetched through the harvest's
// own fetcher once for both pages.

let local: TestContext;
let admin: Actor;

beforeAll(async () => {
  ({ ctx: local, admin } = await harvestingSite());
});
afterAll(() => local.cleanup());

async function source(title: string, url: string): Promise<string> {
  return (await createSource(local, admin, { organisation: 'gmca', title, url, type: 'dcat' })).id;
}

async function harvested(sourceId: string) {
  return local.db.kysely
    .selectFrom('harvested_datasets')
    .innerJoin('datasets', 'datasets.id', 'harvested_datasets.dataset_id')
    .select(['datasets.id', 'datasets.title', 'harvested_datasets.identifier'])
    .where('harvested_datasets.source_id', '=', sourceId)
    .where('datasets.state', '=', 'active')
    .orderBy('datasets.title')
    .execute();
}

async function resourceUrls(datasetId: string): Promise<string[]> {
  const rows = await local.db.kysely
    .selectFrom('resources')
    .select('url')
    .where('dataset_id', '=', datasetId)
    .execute();
  return rows.map((r) => r.url ?? '');
}

describe('RDF/XML in the shape ckanext-dcat writes', () => {
  let server: LoopbackServer;
  beforeAll(async () => {
    const rdf = 'application/rdf+xml; charset=utf-8';
    server = await startRecordedPortal(() => ({
      '/catalog.xml': { file: 'dcat-ckanext-page-1.rdf', contentType: rdf },
      '/catalog.xml?page=2': { file: 'dcat-ckanext-page-2.rdf', contentType: rdf },
    }));
  });
  afterAll(() => server.close());

  it('reads both pages, logs the dataset without a title, and finds nothing new next time', async () => {
    const id = await source('Northshire (RDF/XML)', `${server.origin}/catalog.xml`);
    const run = await runHarvest(local, id);
    expect(run).toMatchObject({ status: 'succeeded', created: 2, failed: 1 });
    const datasets = await harvested(id);
    expect(datasets.map((d) => d.title)).toEqual(['Road works', 'School places']);
    const roads = datasets.find((d) => d.title === 'Road works');
    expect(await resourceUrls(roads?.id ?? '')).toEqual([
      'https://files.northshire.example/road-works.csv',
    ]);
    const log = await local.db.kysely
      .selectFrom('harvest_items')
      .select(['identifier', 'error'])
      .where('run_id', '=', run.id)
      .where('action', '=', 'failed')
      .execute();
    expect(log).toEqual([
      {
        identifier: `${server.origin}/dataset/0a9f-untitled`,
        error: 'The dataset has no dct:title',
      },
    ]);

    const again = await runHarvest(local, id);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, failed: 1 });
  });
});

describe('JSON-LD in the shape data.europa.eu writes, with a remote @context', () => {
  let server: LoopbackServer;
  let withContext = true;
  beforeAll(async () => {
    const jsonld = 'application/ld+json';
    server = await startRecordedPortal(() => {
      const routes: Record<string, Recorded> = {
        '/catalogues/northshire.jsonld': { file: 'dcat-europa-page-1.jsonld', contentType: jsonld },
        // Served as plain JSON, as some portals do: read as JSON-LD by its keywords.
        '/catalogues/northshire.jsonld?page=2': {
          file: 'dcat-europa-page-2.jsonld',
          contentType: 'application/json',
        },
      };
      if (withContext) {
        routes['/contexts/dcat.jsonld'] = { file: 'dcat-context.jsonld', contentType: jsonld };
      }
      return routes;
    });
  });
  afterAll(() => server.close());

  it('reads both pages, fetching the context once through the harvest', async () => {
    const id = await source(
      'Northshire (JSON-LD)',
      `${server.origin}/catalogues/northshire.jsonld`,
    );
    const run = await runHarvest(local, id);
    expect(run).toMatchObject({ status: 'succeeded', created: 3, failed: 0 });
    const datasets = await harvested(id);
    // English titles chosen over German ones.
    expect(datasets.map((d) => d.title)).toEqual([
      'Air quality stations',
      'Bathing water quality',
      'Flood zones',
    ]);
    const air = datasets.find((d) => d.title === 'Air quality stations');
    expect(air?.identifier).toBe(`${server.origin}/datasets/air-quality-stations`);
    expect(await resourceUrls(air?.id ?? '')).toEqual([
      'https://files.northshire.example/air-stations.geojson',
    ]);
    expect(server.exchanges.map((e) => e.url)).toEqual([
      '/catalogues/northshire.jsonld',
      '/contexts/dcat.jsonld',
      '/catalogues/northshire.jsonld?page=2',
    ]);
  });

  it('fails the run, naming JSON-LD and the context, when the context cannot be fetched', async () => {
    withContext = false;
    const id = await source(
      'Northshire (no context)',
      `${server.origin}/catalogues/northshire.jsonld`,
    );
    const run = await runHarvest(local, id);
    expect(run.status).toBe('failed');
    expect(run.error).toContain(
      `${server.origin}/catalogues/northshire.jsonld is not valid JSON-LD`,
    );
    expect(run.error).toContain(
      `its @context ${server.origin}/contexts/dcat.jsonld could not be loaded: ${server.origin}/contexts/dcat.jsonld answered 404`,
    );
    expect(run.created).toBe(0);
  });
});
