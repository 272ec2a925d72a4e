import type { AppContext } from '../../context.js';
import {
  countActivityOfDataset,
  listActivityOfDataset,
} from '../../platform/activity/activity.repository.js';
import type { Actor } from '../accounts/index.js';
import { readableDataset } from './dataset.service.js';
import { pageOf, type PageInput } from '../../platform/paging.js';

/** A page of a dataset's public history, newest first; who acted is shown by name only. */
export async function datasetActivity(
  ctx: AppContext,
  actor: Actor,
  slug: string,
  input: PageInput,
) {
  const dataset = await readableDataset(ctx, actor, slug);
  const { page, per_page } = pageOf(input);
  const [rows, total] = await Promise.all([
    listActivityOfDataset(ctx.db.kysely, dataset.id, per_page, (page - 1) * per_page),
    countActivityOfDataset(ctx.db.kysely, dataset.id),
  ]);
  return {
    total,
    page,
    per_page,
    results: rows.map((r) => ({
      id: r.id,
      action: r.action,
      subject: { type: r.subject_type, id: r.subject_id },
      actor: r.actor_name === null ? null : { name: r.actor_name },
      created_at: r.created_at,
      changes: JSON.parse(r.diff) as unknown,
    })),
  };
}
