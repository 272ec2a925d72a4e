import type { AppContext } from '../../context.js';
import type { Actor } from '../accounts/index.js';
import { listActivityOfDataset } from '../../platform/activity/activity.repository.js';
import { readableDataset } from './dataset.service.js';

/** A dataset's public history, newest first; pages with `before` (an activity id). */
export async function datasetActivity(
  ctx: AppContext,
  actor: Actor,
  slug: string,
  limit: number,
  before: number | null,
) {
  const dataset = await readableDataset(ctx, actor, slug);
  const rows = await listActivityOfDataset(ctx.db.kysely, dataset.id, limit + 1, before);
  const page = rows.slice(0, limit);
  return {
    results: page.map((r) => ({
      id: r.id,
      action: r.action,
      subject: { type: r.subject_type, id: r.subject_id },
      actor: r.actor_name === null ? null : { name: r.actor_name },
      created_at: r.created_at,
      changes: JSON.parse(r.diff) as unknown,
    })),
    next_before: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}
