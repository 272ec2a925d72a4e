import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import type { AppContext } from '../../../../context.js';
import { HOME } from '../../../../platform/views/page-head.js';
import { PER_PAGE } from '../../../../platform/views/page-query.js';
import { pagedTitle } from '../../../../platform/views/pagination.js';
import { regionName } from '../../../region/index.js';
import { reportWardRows } from '../../public-report.repository.js';
import { bodyLookup } from '../../report.view.js';
import { listPublicReports } from '../../public-report.service.js';
import { reportsFeed } from '../../report-feed.js';
import { allRoutes } from '../../category.service.js';
import { reportsView, type AreaOption } from './reports.view.js';

// A filter of the page is one value (a select); the API takes several.
const One = Type.Optional(Type.String({ maxLength: 100 }));
const ReportsPageQuery = Type.Object(
  {
    area: One,
    category: One,
    status: One,
    from: One,
    to: One,
    sort: Type.Optional(
      Type.Union([Type.Literal('newest'), Type.Literal('oldest'), Type.Literal('updated')]),
    ),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  },
  { additionalProperties: false },
);
type ReportsPageInput = Static<typeof ReportsPageQuery>;

const FeedQuery = Type.Object({ area: One, category: One }, { additionalProperties: false });

export const ATOM = 'application/atom+xml; charset=utf-8';
const CACHE = 'public, max-age=300';
const blankToUndefined = (v: string | undefined) => (v === undefined || v === '' ? undefined : v);

/** The bodies that answer some category, then the wards reports lie in. */
async function areaOptions(ctx: AppContext): Promise<AreaOption[]> {
  const [routes, bodies, wards] = await Promise.all([
    allRoutes(ctx),
    bodyLookup(ctx),
    reportWardRows(ctx.db.kysely),
  ]);
  const answering = [...new Set(routes.map((r) => r.organisation_id))]
    .flatMap((id) => {
      const body = bodies.get(id);
      return body ? [{ value: body.slug, text: body.name }] : [];
    })
    .sort((a, b) => a.text.localeCompare(b.text));
  return [
    ...answering,
    ...wards.map((w) => ({ value: w.ward_code, text: `${w.ward_name ?? w.ward_code} (ward)` })),
  ];
}

/** /reports: public reports with filters, paging and a map; /reports/feed.atom: their feed. */
export function reportsPage(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: ReportsPageInput }>(
    '/reports',
    { schema: { hide: true, querystring: ReportsPageQuery } },
    async (request, reply) => {
      const q = request.query;
      const state = {
        area: blankToUndefined(q.area),
        category: blankToUndefined(q.category),
        status: blankToUndefined(q.status),
        from: blankToUndefined(q.from),
        to: blankToUndefined(q.to),
        sort: q.sort === 'newest' ? undefined : q.sort,
        page: q.page ?? 1,
      };
      const [list, areas] = await Promise.all([
        listPublicReports(ctx, {
          area: state.area ? [state.area] : undefined,
          category: state.category ? [state.category] : undefined,
          status: state.status ? [state.status] : undefined,
          from: state.from,
          to: state.to,
          sort: state.sort,
          page: state.page,
          per_page: PER_PAGE,
        }),
        areaOptions(ctx),
      ]);
      const about = [...list.resolved.names.categories, ...list.resolved.names.areas];
      return reply.page('features/reports/pages/reports/reports.njk', {
        pageTitle: pagedTitle(
          about.length ? `Reports: ${about.join(', ')}` : 'Reports',
          state.page,
        ),
        section: 'reports',
        breadcrumbs: [HOME],
        ...reportsView(state, list, { areas, categories: list.resolved.categories }),
        mapTileUrl: ctx.config.mapTileUrl,
        mapAttribution: ctx.config.mapAttribution,
      });
    },
  );

  app.get<{ Querystring: Static<typeof FeedQuery> }>(
    '/reports/feed.atom',
    { schema: { hide: true, querystring: FeedQuery } },
    async (request, reply) => {
      const body = await reportsFeed(
        ctx,
        {
          area: blankToUndefined(request.query.area),
          category: blankToUndefined(request.query.category),
        },
        await regionName(ctx),
      );
      return reply.type(ATOM).header('cache-control', CACHE).send(body);
    },
  );
}
