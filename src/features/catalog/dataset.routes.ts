import type { AppContext } from '../../context.js';
import { errors, readErrors, writeErrors, type Api } from '../../platform/http/types.js';
import {
  ActivityItem,
  DatasetDetail,
  DatasetSummary,
  Resource,
  SearchResults,
} from './catalog.responses.js';
import { datasetActivity } from './activity.service.js';
import { DatasetCreateBody, DatasetPatchBody, SearchQuery } from './catalog.schemas.js';
import { searchCatalogue } from './dataset-search.service.js';
import { deleteDataset, restoreDataset } from './dataset-lifecycle.service.js';
import { createDataset, getDataset, patchDataset } from './dataset.service.js';
import { ListQuery, NoContent, Page, pageFrom, SlugParams } from '../../platform/http/schemas.js';

const auth = [{ bearerAuth: [] }];

export function datasetRoutes(app: Api, ctx: AppContext): void {
  app.get(
    '/api/v1/datasets',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Search datasets, with facet counts',
        description:
          'Full-text search ranked title over tags over description, English stemming, the last ' +
          'word matched as a prefix. Repeat a filter to match any of its values. Facet counts ' +
          'apply every other active filter.',
        querystring: SearchQuery,
        response: { 200: SearchResults, ...errors() },
      },
    },
    (request) => searchCatalogue(ctx, request.actor, request.query),
  );

  app.post(
    '/api/v1/datasets',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Create a dataset',
        body: DatasetCreateBody,
        security: auth,
        response: { 201: DatasetSummary, ...writeErrors },
      },
    },
    async (request, reply) => {
      const dataset = await createDataset(ctx, request.actor, request.body);
      return reply.status(201).header('location', dataset.url).send(dataset);
    },
  );

  app.get(
    '/api/v1/datasets/:slug',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'A dataset with its resources',
        params: SlugParams,
        response: { 200: DatasetDetail, ...readErrors },
      },
    },
    (request) => getDataset(ctx, request.actor, request.params.slug),
  );

  app.patch(
    '/api/v1/datasets/:slug',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Change some fields of a dataset',
        params: SlugParams,
        body: DatasetPatchBody,
        security: auth,
        response: { 200: DatasetSummary, ...writeErrors },
      },
    },
    (request) => patchDataset(ctx, request.actor, request.params.slug, request.body),
  );

  app.delete(
    '/api/v1/datasets/:slug',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Delete a dataset (soft: it can be restored)',
        params: SlugParams,
        security: auth,
        response: { 204: NoContent, ...writeErrors },
      },
    },
    async (request, reply) => {
      await deleteDataset(ctx, request.actor, request.params.slug);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/datasets/:slug/restore',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Restore a deleted dataset',
        params: SlugParams,
        security: auth,
        response: { 200: DatasetDetail, ...writeErrors },
      },
    },
    (request) => restoreDataset(ctx, request.actor, request.params.slug),
  );

  app.get(
    '/api/v1/datasets/:slug/activity',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'The history of a dataset: who changed what, when, newest first',
        params: SlugParams,
        querystring: ListQuery(),
        response: { 200: Page(ActivityItem), ...readErrors },
      },
    },
    (request) => datasetActivity(ctx, request.actor, request.params.slug, request.query),
  );

  app.get(
    '/api/v1/datasets/:slug/resources',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'The resources of a dataset',
        params: SlugParams,
        querystring: ListQuery(),
        response: { 200: Page(Resource), ...readErrors },
      },
    },
    async (request) =>
      pageFrom(
        (await getDataset(ctx, request.actor, request.params.slug)).resources,
        request.query,
      ),
  );
}
