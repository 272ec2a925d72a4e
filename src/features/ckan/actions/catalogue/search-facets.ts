import type { CatalogueScan, FacetName } from '../../../catalog/index.js';
import { licenceById } from '../../../catalog/index.js';
import { ckanValidation } from '../../ckan-action.js';

// package_search's facets, in CKAN's two shapes: `facets` ({field: {value: count}}) and
// `search_facets` ({field: {title, items: [{name, display_name, count}]}}).

const FACET_OF: Record<string, FacetName> = {
  organization: 'organisation',
  tags: 'tag',
  groups: 'theme',
  res_format: 'format',
  license_id: 'licence',
};

/** `facet.field`: a JSON list of field names (a POST may send the list itself). */
export function facetFields(value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw ckanValidation('facet.field', 'Must be a JSON list of field names');
  }
  return [...new Set(value)].slice(0, 50);
}

export function countFacets(
  scan: CatalogueScan,
  hits: readonly number[],
  fields: string[],
  limit: number,
) {
  const facets: Record<string, Record<string, number>> = {};
  const searchFacets: Record<
    string,
    { title: string; items: { name: string; display_name: string; count: number }[] }
  > = {};
  for (const field of fields) {
    const facet = FACET_OF[field];
    // A field we keep no counts of answers no values, as Solr does for a field no dataset has.
    const values = facet ? scan.facetCounts(facet, hits, limit) : [];
    facets[field] = Object.fromEntries(values.map((v) => [v.value, v.count]));
    searchFacets[field] = {
      title: field,
      items: values.map((v) => ({
        name: v.value,
        display_name: facet === 'licence' ? licenceById(v.value).title : v.label,
        count: v.count,
      })),
    };
  }
  return { facets, search_facets: searchFacets };
}
