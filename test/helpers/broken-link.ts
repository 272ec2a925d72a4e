import type { AppContext } from '../../src/context.js';

/** Records that a resource's link answered 404, as the link checker would have. */
export async function recordBrokenLink(ctx: AppContext, resourceId: string, url: string) {
  const at = new Date().toISOString();
  await ctx.db.kysely
    .insertInto('link_checks')
    .values({
      resource_id: resourceId,
      url,
      status: 404,
      error: null,
      duration_ms: 30,
      checked_at: at,
      scheduled_from: at,
    })
    .execute();
}
