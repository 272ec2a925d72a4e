import type { AppContext } from '../../../../context.js';
import { sqlIdentifier } from '../../../../platform/engine/sql.js';
import { resourceTableOf } from '../../../catalog/index.js';

// "Query with SQL": the /sql page with a first statement over this resource's table. The SQL
// feature sits above the datastore, so the link is written here (the same form as its own).

export async function sqlLink(ctx: AppContext, resourceId: string): Promise<string | null> {
  const table = await resourceTableOf(ctx, resourceId);
  if (!table) return null;
  const name = sqlIdentifier(`${table.datasetSlug}/${table.resourceSlug}`);
  return `/sql?q=${encodeURIComponent(`SELECT * FROM ${name} LIMIT 100`)}`;
}
