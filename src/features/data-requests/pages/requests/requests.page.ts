import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import type { AppContext } from '../../../../context.js';
import { invalidParameter } from '../../../../platform/errors.js';
import { HOME } from '../../../../platform/views/page-head.js';
import { PER_PAGE } from '../../../../platform/views/page-query.js';
import { pagedTitle, paginationFor, rangeText } from '../../../../platform/views/pagination.js';
import { themeTitlesBySlug } from '../../../catalog/index.js';
import { allOrganisations } from '../../../organisations/index.js';
import { listRequests } from '../../data-request.service.js';
import { STATUS_LABELS, STATUS_TAGS, STATUSES } from '../../request-status.js';

const Query = Type.Object(
  {
    status: Type.Optional(Type.String({ maxLength: 40 })),
    organisation: Type.Optional(Type.String({ maxLength: 200 })),
    theme: Type.Optional(Type.String({ maxLength: 100 })),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    overdue: Type.Optional(Type.String({ maxLength: 10 })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  },
  { additionalProperties: false },
);
type QueryInput = Static<typeof Query>;

/** An empty select or box means no filter. */
const nonEmpty = (v: string | undefined) => (v === '' ? undefined : v);

const isStatus = (s: string): s is (typeof STATUSES)[number] =>
  (STATUSES as readonly string[]).includes(s);

/** The URL of the list with these filters (empty ones left out) and a page. */
function listHref(q: QueryInput, page: number): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'status', 'organisation', 'theme', 'overdue'] as const) {
    const value = q[key];
    if (value) params.set(key, value);
  }
  if (page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `/data-requests?${text}` : '/data-requests';
}

const options = (values: [string, string][], selected: string | undefined, all: string) => [
  { value: '', text: all },
  ...values.map(([value, text]) => ({ value, text, selected: value === selected })),
];

/** /data-requests: every request, newest first, filtered by status, body, theme and words. */
export function requestsPage(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: QueryInput }>(
    '/data-requests',
    { schema: { hide: true, querystring: Query } },
    async (request, reply) => {
      const q = request.query;
      if (q.status && !isStatus(q.status)) {
        throw invalidParameter('status', `Unknown status: ${q.status}`);
      }
      const page = q.page ?? 1;
      const [result, orgs, themes] = await Promise.all([
        listRequests(ctx, {
          status: q.status && isStatus(q.status) ? [q.status] : undefined,
          organisation: nonEmpty(q.organisation),
          theme: nonEmpty(q.theme),
          q: q.q,
          overdue: q.overdue === 'yes',
          page,
          per_page: PER_PAGE,
        }),
        allOrganisations(ctx),
        themeTitlesBySlug(ctx),
      ]);
      const filtered = [q.status, q.organisation, q.theme, q.q, q.overdue].some(
        (v) => nonEmpty(v) !== undefined,
      );
      return reply.page('features/data-requests/pages/requests/requests.njk', {
        pageTitle: pagedTitle(`Data requests${filtered ? ' (filtered)' : ''}`, page),
        section: 'data-requests',
        breadcrumbs: [HOME],
        query: q,
        results: result.results.map((r) => ({ ...r, tag: STATUS_TAGS[r.status] })),
        total: result.total,
        range: rangeText(page, PER_PAGE, result.total),
        pagination: paginationFor(page, PER_PAGE, result.total, (n) => listHref(q, n)),
        filtered,
        statusItems: options(
          STATUSES.map((s) => [s, STATUS_LABELS[s]]),
          q.status,
          'Any status',
        ),
        organisationItems: options(
          orgs.map((o) => [o.slug, o.name]),
          q.organisation,
          'Any body',
        ),
        themeItems: options([...themes], q.theme, 'Any theme'),
        responseDays: ctx.config.dataRequestResponseDays,
      });
    },
  );
}
