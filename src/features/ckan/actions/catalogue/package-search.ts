import { scanCatalogue } from '../../../catalog/index.js';
import { bool, ckanValidation, int, json, str, type CkanAction } from '../../ckan-action.js';
import { compileFq, FQ_FIELDS } from '../../fq/fq-evaluate.js';
import { FqSyntaxError, parseFq, type FqNode } from '../../fq/fq-parse.js';
import { countFacets, facetFields } from './search-facets.js';
import { fieldList, searchResults } from './search-fields.js';
import { DEFAULT_SORT, parseSort, sortHits } from './search-sort.js';

// package_search, evaluated in three places:
// 1. SQL (the catalogue's full-text index) matches the words of `q`, scoring them only when
//    `score` decides the order;
// 2. the catalogue's in-memory search index (scanCatalogue) applies the policy and
//    include_private/include_drafts in one pass over compact arrays, newest first;
// 3. here, fq is compiled once to a test of dataset numbers over those arrays (facet fields
//    test a mask of their distinct values), then the matches are counted for the facets, sorted
//    when the order is not newest first, and only the page asked for is loaded from the
//    database as package dicts.
// So nothing the caller may not see is counted, and no row is read but the page's.

const MAX_Q = 1000;
const MAX_FQ = 10_000;

function fqOf(call: Parameters<CkanAction['run']>[0]): FqNode[] {
  const list = json(call, 'fq_list');
  const parts = [str(call, 'fq') ?? ''];
  if (list !== undefined) {
    if (!Array.isArray(list) || !list.every((x) => typeof x === 'string') || list.length > 50) {
      throw ckanValidation('fq_list', 'Must be a JSON list of at most 50 filter queries');
    }
    parts.push(...list);
  }
  if (parts.some((p) => p.length > MAX_FQ)) {
    throw ckanValidation('fq', `Must be at most ${String(MAX_FQ)} characters`);
  }
  return searchQuery(() => parts.map(parseFq));
}

/** What the parser or the compiler could not understand, as CKAN's 409 naming fq. */
function searchQuery<T>(work: () => T): T {
  try {
    return work();
  } catch (err) {
    if (err instanceof FqSyntaxError) {
      throw ckanValidation('fq', `Search Query Error: ${err.message}`);
    }
    throw err;
  }
}

function fieldsOf(node: FqNode): string[] {
  switch (node.type) {
    case 'and':
    case 'or':
      return node.items.flatMap(fieldsOf);
    case 'not':
      return fieldsOf(node.item);
    case 'all':
      return [];
    default:
      return [node.field];
  }
}

/**
 * A `q` made only of `field:value` clauses on fields fq knows is a filter, as Solr would read
 * it (`q=tags:buses`); anything else is words for the full-text search (`q=time: 10am`).
 */
function qOf(q: string): { words: string; filter: FqNode | null } {
  if (q.length > MAX_Q) throw ckanValidation('q', `Must be at most ${String(MAX_Q)} characters`);
  if (q.trim() === '' || q.trim() === '*:*') return { words: '', filter: null };
  if (!q.includes(':')) return { words: q, filter: null };
  try {
    const filter = parseFq(q);
    if (fieldsOf(filter).every((f) => FQ_FIELDS.includes(f))) return { words: '', filter };
  } catch {
    // Not a filter: words.
  }
  return { words: q, filter: null };
}

export const packageSearch: CkanAction = {
  name: 'package_search',
  help: 'Searches for packages satisfying a given search criteria.\n\n:param q: the solr query (free text here; `field:value` clauses filter as fq does). Optional.\n:type q: string\n:param fq: any filter queries to apply: field:value, "quoted", [from TO to], (a OR b), -negation; fields organization, tags, groups, res_format, license_id, name, id, metadata_modified, metadata_created, private.\n:type fq: string\n:param fq_list: additional filter queries, ANDed.\n:type fq_list: list of strings\n:param sort: sorting of the search results. Optional. Default: \'score desc, metadata_modified desc\'.\n:type sort: string\n:param fl: the fields of each package to return, separated by commas or spaces (`id,name`); default: whole packages.\n:type fl: string\n:param rows: the maximum number of matching rows (datasets) to return. (optional, default: 10, upper limit: 1000)\n:type rows: int\n:param start: the offset in the complete result for where the set of returned datasets should begin.\n:type start: int\n:param facet: whether to enable faceted results. Default: True.\n:type facet: string\n:param facet.limit: the maximum number of values the facet fields return; -1 for no limit. Default 50.\n:type facet.limit: int\n:param facet.field: the fields to facet upon, as a JSON list.\n:type facet.field: list of strings\n:param include_private: if True, private datasets the user may read are included. Default False.\n:type include_private: bool\n:param include_drafts: if True, draft datasets the user may read are included. Default False.\n:type include_drafts: bool\n\n:returns: a dict with count, results, facets, search_facets and sort\n:rtype: dict',
  run: async (call) => {
    const rows = int(call, 'rows', { default: 10, min: 0, max: 1000 });
    const start = int(call, 'start', { default: 0, min: 0 });
    const sort = str(call, 'sort') ?? DEFAULT_SORT;
    const keys = parseSort(sort);
    const facetOn = bool(call, 'facet', true);
    const fields = facetOn ? facetFields(json(call, 'facet.field')) : [];
    const facetLimit = int(call, 'facet.limit', { default: 50, min: -1 });
    const { words, filter } = qOf(str(call, 'q') ?? '');
    const fq = [...fqOf(call), ...(filter ? [filter] : [])];
    const scored = words !== '' && keys.some((k) => k.key === 'score');
    const scan = await scanCatalogue(call.ctx, call.actor, {
      q: words,
      scored,
      includePrivate: bool(call, 'include_private', false),
      includeDrafts: bool(call, 'include_drafts', false),
    });
    const now = new Date();
    const tests = searchQuery(() =>
      fq.filter((n) => n.type !== 'all').map((n) => compileFq(n, scan, now)),
    );
    const hits = tests.length ? scan.hits.filter((p) => tests.every((t) => t(p))) : scan.hits;
    const facets = countFacets(scan, hits, fields, facetLimit);
    sortHits(hits, keys, scan, scored);
    const page = hits.slice(start, start + rows);
    return {
      count: hits.length,
      sort,
      results: await searchResults(call.ctx, call.actor, scan, page, fieldList(call)),
      ...facets,
    };
  },
};
