import type { AppContext } from '../../context.js';
import { noContent, operations } from '../../platform/http/operations.js';
import type { Api } from '../../platform/http/types.js';
import {
  ActivityItem,
  DatasetDetail,
  DatasetSummary,
  Resource,
  SearchResults,
} from './catalog.responses.js';
import { datasetActivity } from './activity.service.js';
import { originOf, type DatasetProvenance } from './dataset-provenance.js';
import { DatasetCreateBody, DatasetPatchBody, SearchQuery } from './catalog.schemas.js';
import { searchCatalogue } from './dataset-search.service.js';
import { deleteDataset, restoreDataset } from './dataset-lifecycle.service.js';
import { createDataset, getDataset, patchDataset } from './dataset.service.js';
import { ListQuery, Page, SlugParams } from '../../platform/http/schemas.js';
import { pageFrom } from '../../platform/paging.js';

const op = operations('catalogue');

export function datasetRoutes(app: Api, ctx: AppContext, provenance: DatasetProvenance): void {
  /** A dataset as the API shows one: with where it is harvested from, if it is. */
  const withOrigin = async <D extends { id: string }>(dataset: D) => ({
    ...dataset,
    harvest: await originOf(ctx, provenance, dataset.id),
  });

  app.get(
    '/api/v1/datasets',
    op.list(SearchResults, {
      summary: 'Search datasets, with facet counts',
      description:
        'Full-text search ranked title over tags over description, English stemming, the last ' +
        'word matched as a prefix. Repeat a filter to match any of its values. Facet counts ' +
        'apply every other active filter.',
      querystring: SearchQuery,
    }),
    (request) => searchCatalogue(ctx, request.actor, request.query),
  );

  app.post(
    '/api/v1/datasets',
    op.create(DatasetSummary, {
      summary: 'Create a dataset',
      body: DatasetCreateBody,
    }),
    async (request, reply) => {
      const dataset = await createDataset(ctx, request.actor, request.body);
      return reply.status(201).header('location', dataset.url).send(dataset);
    },
  );

  app.get(
    '/api/v1/datasets/:slug',
    op.read(DatasetDetail, {
      summary: 'A dataset with its resources',
      params: SlugParams,
    }),
    async (request) => withOrigin(await getDataset(ctx, request.actor, request.params.slug)),
  );

  app.patch(
    '/api/v1/datasets/:slug',
    op.update(DatasetSummary, {
      summary: 'Change some fields of a dataset',
      params: SlugParams,
      body: DatasetPatchBody,
    }),
    (request) => patchDataset(ctx, request.actor, request.params.slug, request.body),
  );

  app.delete(
    '/api/v1/datasets/:slug',
    op.remove({
      summary: 'Delete a dataset (soft: it can be restored)',
      params: SlugParams,
    }),
    (request, reply) => noContent(reply, deleteDataset(ctx, request.actor, request.params.slug)),
  );

  app.post(
    '/api/v1/datasets/:slug/restore',
    op.update(DatasetDetail, {
      summary: 'Restore a deleted dataset',
      params: SlugParams,
    }),
    async (request) => withOrigin(await restoreDataset(ctx, request.actor, request.params.slug)),
  );

  app.get(
    '/api/v1/datasets/:slug/activity',
    op.read(Page(ActivityItem), {
      summary: 'The history of a dataset: who changed what, when, newest first',
      params: SlugParams,
      querystring: ListQuery(),
    }),
    (request) => datasetActivity(ctx, request.actor, request.params.slug, request.query),
  );

  app.get(
    '/api/v1/datasets/:slug/resources',
    op.read(Page(Resource), {
      summary: 'The resources of a dataset',
      params: SlugParams,
      querystring: ListQuery(),
    }),
    async (request) =>
      pageFrom(
        (await getDataset(ctx, request.actor, request.params.slug)).resources,
        request.query,
      ),
  );
}
