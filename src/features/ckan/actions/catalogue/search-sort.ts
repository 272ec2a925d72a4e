import type { CatalogueScan } from '../../../catalog/index.js';
import { ckanValidation } from '../../ckan-action.js';

// package_search's `sort`: comma-separated `field direction` pairs, as CKAN passes them to Solr.

type Key = 'score' | 'metadata_modified' | 'metadata_created' | 'title_string' | 'name' | 'id';
const KEYS: readonly Key[] = [
  'score',
  'metadata_modified',
  'metadata_created',
  'title_string',
  'name',
  'id',
];

interface SortKey {
  key: Key;
  desc: boolean;
}

export const DEFAULT_SORT = 'score desc, metadata_modified desc';

export function parseSort(sort: string): SortKey[] {
  return sort
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const [field = '', direction = 'asc', ...rest] = part.split(/\s+/);
      const key = field === 'title' ? 'title_string' : field;
      const dir = direction.toLowerCase();
      if (!KEYS.includes(key as Key) || (dir !== 'asc' && dir !== 'desc') || rest.length > 0) {
        throw ckanValidation(
          'sort',
          `Cannot sort by "${part}": use field asc|desc with a field of ${KEYS.join(', ')}`,
        );
      }
      return { key: key as Key, desc: dir === 'desc' };
    });
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Orders `hits` (dataset numbers, newest first) in place. Hits come in `metadata_modified desc,
 * id` order, so that sort, and the default without words (every score equal), cost nothing; any
 * other order is one sort of the matches.
 */
export function sortHits(hits: number[], keys: SortKey[], scan: CatalogueScan, scored: boolean) {
  const effective = keys.filter((k) => scored || k.key !== 'score');
  const first = effective[0];
  if (!first || (first.key === 'metadata_modified' && first.desc)) return;
  const by = effective.map(({ key, desc }) => {
    const sign = desc ? -1 : 1;
    const c: (a: number, b: number) => number =
      key === 'score'
        ? // Our scores rank lower as better: "score desc" is the best match first.
          (a, b) => scan.score(b) - scan.score(a)
        : key === 'metadata_modified'
          ? (a, b) => scan.modifiedRank(b) - scan.modifiedRank(a)
          : key === 'metadata_created'
            ? (a, b) => compare(scan.created(a), scan.created(b))
            : key === 'title_string'
              ? (a, b) => scan.titleRank(a) - scan.titleRank(b)
              : key === 'name'
                ? (a, b) => compare(scan.slug(a), scan.slug(b))
                : (a, b) => compare(scan.id(a), scan.id(b));
    return (a: number, b: number) => sign * c(a, b);
  });
  hits.sort((a, b) => {
    for (const c of by) {
      const d = c(a, b);
      if (d !== 0) return d;
    }
    return scan.modifiedRank(a) - scan.modifiedRank(b);
  });
}
