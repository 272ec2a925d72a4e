import type { AppContext } from '../../context.js';
import { invalidParameter } from '../../platform/errors.js';
import { noContent, operations } from '../../platform/http/operations.js';
import { errors, type Api } from '../../platform/http/types.js';
import { pageFrom } from '../../platform/paging.js';
import { ListQuery, SlugParams } from '../../platform/http/schemas.js';
import { defineCategory, offerCategory, withdrawOffer } from './category.service.js';
import {
  bodyCategories,
  bodyCategory,
  publicCategories,
  publicCategory,
} from './category-public.service.js';
import {
  BodyCategoryList,
  BodyCategoryParams,
  BodyCategorySchema,
  CategoryCodeParams,
  CategoryList,
  CategoryListQuery,
  CategoryPutBody,
  CategorySchema,
  OfferPutBody,
} from './category.schemas.js';

const op = operations('reports');

/** The region's categories, and which body answers each, where and (for its admins) how. */
export function categoryRoutes(app: Api, ctx: AppContext): void {
  app.get(
    '/api/v1/categories',
    {
      schema: {
        tags: ['reports'],
        summary: 'What residents can report, with the bodies answering each',
        description:
          'With `lat` and `lon`: only the categories offered at that point, each with the ' +
          'body that answers it there (422 outside the region).',
        querystring: CategoryListQuery,
        response: { 200: CategoryList, ...errors(409, 422) },
      },
    },
    async (request) => {
      const { lat, lon, ...paging } = request.query;
      if ((lat === undefined) !== (lon === undefined)) {
        throw invalidParameter(lat === undefined ? 'lat' : 'lon', 'Give both lat and lon');
      }
      const point = lat !== undefined && lon !== undefined ? { lat, lon } : undefined;
      return pageFrom(await publicCategories(ctx, point), paging);
    },
  );

  app.get(
    '/api/v1/categories/:code',
    op.read(CategorySchema, {
      summary: 'One category: its questions and the bodies answering it',
      params: CategoryCodeParams,
    }),
    (request) => publicCategory(ctx, request.params.code),
  );

  app.put(
    '/api/v1/categories/:code',
    op.update(CategorySchema, {
      summary: 'Define or change a category (site administrators)',
      params: CategoryCodeParams,
      body: CategoryPutBody,
    }),
    async (request) => {
      const category = await defineCategory(ctx, request.actor, {
        ...request.body,
        code: request.params.code,
      });
      return publicCategory(ctx, category.code);
    },
  );

  app.get(
    '/api/v1/organisations/:slug/categories',
    op.list(BodyCategoryList, {
      summary: 'The categories a body answers (its administrators also see how each is sent)',
      params: SlugParams,
      querystring: ListQuery(),
    }),
    async (request) =>
      pageFrom(await bodyCategories(ctx, request.actor, request.params.slug), request.query),
  );

  app.get(
    '/api/v1/organisations/:slug/categories/:code',
    op.read(BodyCategorySchema, {
      summary: 'A category as a body answers it (how it is sent: its administrators only)',
      params: BodyCategoryParams,
    }),
    (request) => bodyCategory(ctx, request.actor, request.params.slug, request.params.code),
  );

  app.put(
    '/api/v1/organisations/:slug/categories/:code',
    op.update(BodyCategorySchema, {
      summary: 'Answer a category in the body’s area, and say how its reports are sent',
      description:
        'Replaces the route: a secret not sent is cleared. The secret is never shown back ' +
        '(`route.has_secret` says whether one is set).',
      params: BodyCategoryParams,
      body: OfferPutBody,
    }),
    async (request) => {
      const { slug, code } = request.params;
      await offerCategory(ctx, request.actor, {
        organisation: slug,
        category: code,
        sendMethod: request.body.send_method,
        destination: request.body.destination,
        secret: request.body.secret,
        remoteCode: request.body.remote_code,
        jurisdictionId: request.body.jurisdiction_id,
      });
      return bodyCategory(ctx, request.actor, slug, code);
    },
  );

  app.delete(
    '/api/v1/organisations/:slug/categories/:code',
    op.remove({
      summary: 'Stop answering a category (the body’s reports so far stay with it)',
      params: BodyCategoryParams,
    }),
    (request, reply) =>
      noContent(
        reply,
        withdrawOffer(ctx, request.actor, {
          organisation: request.params.slug,
          category: request.params.code,
        }),
      ),
  );
}
