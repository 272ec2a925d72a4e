import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import type { AppContext } from '../../../../context.js';
import { sectionPage } from '../../../../platform/views/page-head.js';
import { PER_PAGE } from '../../../../platform/views/page-query.js';
import { paginationFor, pagedTitle, rangeText } from '../../../../platform/views/pagination.js';
import { can } from '../../../accounts/index.js';
import { listShowcases } from '../../showcase.service.js';
import { pageShowcase } from '../page-showcase.js';
import { isShowcaseType, SHOWCASE_TYPES, TYPE_LABELS } from '../../showcase-types.js';

// Filters that do not fit (an unknown type, an overlong search) are ignored, not an error page:
// a page a person typed or followed still shows the showcases.
const Query = Type.Object({
  type: Type.Optional(Type.String({ maxLength: 50 })),
  dataset: Type.Optional(Type.String({ maxLength: 200 })),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
});
type QueryInput = Static<typeof Query>;

function hrefWith(state: Record<string, string>, page: number): string {
  const params = new URLSearchParams(Object.entries(state).filter(([, v]) => v !== ''));
  if (page > 1) params.set('page', String(page));
  const qs = params.toString();
  return qs ? `/showcases?${qs}` : '/showcases';
}

/** /showcases: the approved showcases, newest first, with filters by type and dataset, search. */
export function showcasesPage(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: QueryInput }>(
    '/showcases',
    { schema: { hide: true, querystring: Query } },
    async (request, reply) => {
      const type =
        request.query.type && isShowcaseType(request.query.type) ? request.query.type : '';
      const state = {
        type,
        dataset: request.query.dataset?.trim() ?? '',
        q: request.query.q?.trim() ?? '',
      };
      const page = request.query.page ?? 1;
      const listed = await listShowcases(ctx, request.actor, {
        type: type || undefined,
        dataset: state.dataset || undefined,
        q: state.q || undefined,
        page,
        per_page: PER_PAGE,
      });
      return reply.page('features/showcases/pages/showcases/showcases.njk', {
        ...sectionPage(pagedTitle('Showcases', page), 'showcases'),
        state,
        typeItems: [
          { value: '', text: 'Any type' },
          ...SHOWCASE_TYPES.map((t) => ({ value: t, text: TYPE_LABELS[t], selected: t === type })),
        ],
        showcases: listed.results.map(pageShowcase),
        total: listed.total,
        range: rangeText(page, PER_PAGE, listed.total),
        pagination: paginationFor(page, PER_PAGE, listed.total, (n) => hrefWith(state, n)),
        canModerate: can(request.actor, { type: 'showcase:moderate' }),
      });
    },
  );
}
