import type { AppContext } from '../../../../context.js';
import { userNames } from '../../../accounts/index.js';
import { listVersions } from '../../datastore.repository.js';
import type { IngestReport } from '../../field.js';
import type { ResourcePageData } from '../resource/resource-page.service.js';

/**
 * Every version of a resource the visitor may already read (resourceForPage checked), newest
 * first, with who loaded it (their name only) and its ingest report.
 */
export async function versionHistory(ctx: AppContext, resource: ResourcePageData) {
  const versions = await listVersions(ctx.db.kysely, resource.id);
  const userIds = versions.flatMap((v) => (v.created_by ? [v.created_by] : []));
  const names = await userNames(ctx, userIds);
  return versions.map((v) => ({
    version: v.version,
    rows: v.row_count,
    size: v.size,
    createdAt: v.created_at,
    createdBy: (v.created_by && names.get(v.created_by)) ?? null,
    // The report is shaped like a load's, so the same partial shows both.
    load: {
      status: 'succeeded',
      error: null,
      finished_at: v.created_at,
      report: JSON.parse(v.report) as IngestReport,
    },
  }));
}
