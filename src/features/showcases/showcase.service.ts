import type { AppContext } from '../../context.js';
import { notFound } from '../../platform/errors.js';
import type { Showcase, ShowcaseStatus, ShowcaseType } from '../../platform/db/schema.js';
import { pageOf, type PageInput } from '../../platform/paging.js';
import { authorise, can, type Actor } from '../accounts/index.js';
import {
  findShowcaseBySlug,
  listShowcaseRows,
  ownShowcaseRows,
  showcaseDatasets,
  type ShowcaseDatasetRow,
} from './showcase.repository.js';
import { publicShowcase, type PublicShowcase } from './showcase.view.js';

export interface ShowcaseQuery extends PageInput {
  type?: ShowcaseType | undefined;
  dataset?: string | undefined;
  q?: string | undefined;
  /** Approved by default; others list only what the asker may see (their own, or all for admins). */
  status?: ShowcaseStatus | undefined;
  oldestFirst?: boolean;
}

/** The showcase row, if this person may see it; else 404 (never saying it exists). */
export async function readableShowcase(
  ctx: AppContext,
  actor: Actor,
  slug: string,
): Promise<Showcase> {
  const showcase = await findShowcaseBySlug(ctx.db.kysely, slug);
  if (!showcase || !can(actor, { type: 'showcase:read', showcase })) {
    throw notFound(`Showcase ${slug}`);
  }
  return showcase;
}

function withDatasets(
  ctx: AppContext,
  rows: readonly Showcase[],
  datasets: readonly ShowcaseDatasetRow[],
): PublicShowcase[] {
  return rows.map((row) =>
    publicShowcase(
      row,
      datasets.filter((d) => d.showcase_id === row.id),
      ctx.config.baseUrl,
    ),
  );
}

export async function getShowcase(
  ctx: AppContext,
  actor: Actor,
  slug: string,
): Promise<PublicShowcase> {
  const row = await readableShowcase(ctx, actor, slug);
  const [one] = withDatasets(ctx, [row], await showcaseDatasets(ctx.db.kysely, [row.id]));
  if (!one) throw notFound(`Showcase ${slug}`);
  return one;
}

/** A page of the showcases this person may see, newest first. */
export async function listShowcases(ctx: AppContext, actor: Actor, query: ShowcaseQuery) {
  const { page, per_page } = pageOf(query);
  const status = query.status ?? 'approved';
  const { total, rows } = await listShowcaseRows(
    ctx.db.kysely,
    {
      statuses: [status],
      type: query.type,
      dataset: query.dataset,
      q: query.q,
      visibleTo: actor.user?.isSiteAdmin ? null : { userId: actor.user?.id ?? null },
      oldestFirst: query.oldestFirst === true,
    },
    { limit: per_page, offset: (page - 1) * per_page },
  );
  const datasets = await showcaseDatasets(
    ctx.db.kysely,
    rows.map((r) => r.id),
  );
  return { total, page, per_page, results: withDatasets(ctx, rows, datasets) };
}

/** The moderation queue: every pending showcase, oldest first (site admins). */
export async function pendingShowcases(ctx: AppContext, actor: Actor, input: PageInput) {
  authorise(actor, { type: 'showcase:moderate' }, 'Only site administrators moderate showcases');
  return listShowcases(ctx, actor, { ...input, status: 'pending', oldestFirst: true });
}

/** Everything one person submitted, newest first, whatever its status (at most 200). */
export async function ownShowcases(ctx: AppContext, actor: Actor): Promise<PublicShowcase[]> {
  const userId = actor.user?.id;
  if (!userId) return [];
  const rows = await ownShowcaseRows(ctx.db.kysely, userId);
  return withDatasets(
    ctx,
    rows,
    await showcaseDatasets(
      ctx.db.kysely,
      rows.map((r) => r.id),
    ),
  );
}

/** Whether a showcase has this slug, whatever its status (the demo seeds each once). */
export const showcaseExists = async (ctx: AppContext, slug: string): Promise<boolean> =>
  (await findShowcaseBySlug(ctx.db.kysely, slug)) !== undefined;
