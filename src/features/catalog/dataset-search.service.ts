import type { AppContext } from '../../context.js';
import { type Actor, readableScope } from '../accounts/index.js';
import type { SearchQueryInput } from './catalog.schemas.js';
import { searchDatasets } from './dataset-search.repository.js';
import { loadDatasetLists } from './dataset.repository.js';
import { datasetSummary, noLists } from './dataset.view.js';
import { licenceById } from './licences.js';
import { FACETS, type FacetName } from './search-types.js';
import { themeTitles } from './taxonomy.repository.js';

const list = (v: string | string[] | undefined): string[] =>
  (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((x) => x !== '');

/**
 * Search as the actor sees the catalogue: results, total and facet counts. `modifiedSince`
 * (harvesters' incremental runs: DCAT, CKAN's metadata_modified) keeps datasets modified then or
 * later.
 */
export async function searchCatalogue(
  ctx: AppContext,
  actor: Actor,
  query: SearchQueryInput,
  options: { modifiedSince?: Date } = {},
) {
  const q = (query.q ?? '').trim();
  const params = {
    q,
    filters: Object.fromEntries(
      // Tags are stored lower-case, so a filter on "Buses" finds "buses".
      FACETS.map((f) => [
        f,
        f === 'tag' ? list(query[f]).map((t) => t.toLowerCase()) : list(query[f]),
      ]),
    ) as Record<FacetName, string[]>,
    sort: query.sort ?? (q ? 'relevance' : 'modified'),
    page: query.page ?? 1,
    perPage: query.per_page ?? 20,
    modifiedSince: options.modifiedSince?.getTime(),
  };
  const k = ctx.db.kysely;
  const found = await searchDatasets(ctx.db, readableScope(actor), params);
  const [rows, lists, titles] = await Promise.all([
    found.ids.length === 0
      ? Promise.resolve([])
      : k
          .selectFrom('datasets as d')
          .innerJoin('organisations as o', 'o.id', 'd.organisation_id')
          .selectAll('d')
          .select(['o.slug as org_slug', 'o.name as org_name', 'o.kind as org_kind'])
          .where('d.id', 'in', found.ids)
          .execute(),
    loadDatasetLists(k, found.ids),
    themeTitles(k),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const results = found.ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const org = { slug: r.org_slug, name: r.org_name, kind: r.org_kind };
    const l = lists.get(id) ?? noLists();
    return [datasetSummary(r, org, l, titles, ctx.config.baseUrl)];
  });
  const facets = {
    ...found.facets,
    licence: found.facets.licence.map((f) => ({ ...f, label: licenceById(f.value).title })),
  };
  return { total: found.total, page: params.page, per_page: params.perPage, results, facets };
}
