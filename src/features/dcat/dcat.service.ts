import { qualityMeasures } from '../quality/index.js';
import { addQuality } from './quality-graph.js';
import type { AppContext } from '../../context.js';
import { invalidParameter } from '../../platform/errors.js';
import { anonymous } from '../accounts/index.js';
import { getDataset, resourcesOfDatasets, searchCatalogue } from '../catalog/index.js';
import { datastoreResourceData, isLoadable } from '../datastore/index.js';
import { findRegion, regionName } from '../region/index.js';
import { addCatalog, addPaging } from './catalog-graph.js';
import { addDataset } from './dataset-graph.js';
import type { DcatResourceInput } from './dcat-input.js';
import { Graph } from './graph.js';

// The DCAT outputs describe the catalogue an anonymous visitor sees, whoever asks: a harvested
// copy must never hold a private or draft dataset, and one answer suits every cache.
const PUBLIC = anonymous;

export interface CatalogQuery {
  page: number;
  q?: string | undefined;
  modifiedSince?: Date | undefined;
}

// A date, or a date and time with an optional zone (UTC when none is given).
const ISO_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** `modified_since` as a time, or a 400 naming the parameter. */
export function parseModifiedSince(value: string | undefined): Date | undefined {
  if (value === undefined || value === '') return undefined;
  // An unencoded "+01:00" arrives as " 01:00" (a + in a query string is a space).
  const text = value.trim().replace(/(T[\d:.]+) (\d{2}:?\d{2})$/, '$1+$2');
  const withZone = text.includes('T') && !/(Z|[+-]\d{2}:?\d{2})$/.test(text) ? `${text}Z` : text;
  const time = ISO_TIME.test(text) ? Date.parse(withZone) : Number.NaN;
  if (Number.isNaN(time)) {
    throw invalidParameter(
      'modified_since',
      'must be an ISO 8601 date or date and time, e.g. 2024-05-01 or 2024-05-01T09:00:00Z',
    );
  }
  return new Date(time);
}

/** Which of these resources have data in the datastore (and so a query API). */
async function datastoreResources(ctx: AppContext, resources: DcatResourceInput[]) {
  const loadable = resources.filter((r) => isLoadable(r.format)).map((r) => r.id);
  const summaries = await datastoreResourceData.summaries(ctx, loadable);
  return new Set([...summaries].flatMap(([id, s]) => (s.version !== null ? [id] : [])));
}

/** One page of the catalogue as a graph: the catalogue, its datasets and the Hydra paging. */
export async function catalogGraph(
  ctx: AppContext,
  query: CatalogQuery,
  pageUrl: (page: number) => string,
): Promise<Graph> {
  const base = ctx.config.baseUrl;
  const perPage = ctx.config.dcatPageSize;
  const [found, name, region, newest] = await Promise.all([
    searchCatalogue(
      ctx,
      PUBLIC,
      { q: query.q, sort: 'modified', page: query.page, per_page: perPage },
      { modifiedSince: query.modifiedSince },
    ),
    regionName(ctx),
    findRegion(ctx),
    searchCatalogue(ctx, PUBLIC, { sort: 'modified', page: 1, per_page: 1 }),
  ]);
  const resources = await resourcesOfDatasets(
    ctx,
    PUBLIC,
    found.results.map((d) => d.id),
  );
  const [datastore, quality] = await Promise.all([
    datastoreResources(ctx, [...resources.values()].flat()),
    qualityMeasures(
      ctx,
      found.results.map((d) => d.id),
    ),
  ]);
  const g = new Graph();
  const datasets: string[] = [];
  const services: string[] = [];
  for (const d of found.results) {
    const added = addDataset(g, base, { ...d, resources: resources.get(d.id) ?? [] }, datastore);
    datasets.push(added.iri);
    const measures = quality.get(d.id);
    if (measures) addQuality(g, base, added.iri, measures);
    services.push(...added.services);
  }
  addCatalog(g, {
    base,
    regionName: name,
    issued: region?.created_at ?? null,
    modified: newest.results[0]?.modified_at ?? null,
    datasets,
    services,
  });
  addPaging(g, { page: query.page, perPage, total: found.total, url: pageUrl });
  return g;
}

/** One dataset as a graph; a dataset an anonymous visitor cannot see is not found. */
export async function datasetGraph(ctx: AppContext, slug: string): Promise<Graph> {
  const dataset = await getDataset(ctx, PUBLIC, slug);
  const [datastore, quality] = await Promise.all([
    datastoreResources(ctx, dataset.resources),
    qualityMeasures(ctx, [dataset.id]),
  ]);
  const g = new Graph();
  const { iri } = addDataset(g, ctx.config.baseUrl, dataset, datastore);
  const measures = quality.get(dataset.id);
  if (measures) addQuality(g, ctx.config.baseUrl, iri, measures);
  return g;
}
