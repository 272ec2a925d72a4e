import type { CatalogueScan } from '../../catalog/index.js';
import { fqDate } from './fq-dates.js';
import type { FqNode } from './fq-parse.js';
import { FqSyntaxError } from './fq-tokens.js';

// An fq tree compiled to a test of one dataset number, reading the catalogue scan's compact
// arrays: facet fields test a mask over their distinct values (built once per clause, not per
// dataset), the others compare strings. CKAN's fields map to ours as below.

type Test = (p: number) => boolean;

/** CKAN's facet fields and our facets; their values compare without case where ours are cased. */
const FACET_FIELDS = {
  organization: { facet: 'organisation', fold: false },
  tags: { facet: 'tag', fold: true },
  groups: { facet: 'theme', fold: false },
  res_format: { facet: 'format', fold: true },
  license_id: { facet: 'licence', fold: false },
} as const;

const TIME_FIELDS = { metadata_modified: 'modified', metadata_created: 'created' } as const;

export const FQ_FIELDS = [
  ...Object.keys(FACET_FIELDS),
  'name',
  'id',
  ...Object.keys(TIME_FIELDS),
  'private',
];

const has = <T extends object>(o: T, k: string): k is Extract<keyof T, string> => k in o;

/** `*` is any value, a trailing `*` a prefix (unquoted only); else the value itself. */
function valueTest(value: string, quoted: boolean, fold: boolean): (v: string) => boolean {
  if (!quoted && value === '*') return () => true;
  const wanted = fold ? value.toLowerCase() : value;
  const norm = fold ? (v: string) => v.toLowerCase() : (v: string) => v;
  if (!quoted && wanted.endsWith('*')) {
    const prefix = wanted.slice(0, -1);
    return (v) => norm(v).startsWith(prefix);
  }
  return (v) => norm(v) === wanted;
}

function rangeTest(
  read: (p: number) => string,
  node: Extract<FqNode, { type: 'range' }>,
  bound: (v: string) => string | null,
): Test {
  const from = bound(node.from);
  const to = bound(node.to);
  return (p) => {
    const v = read(p);
    if (from !== null && (node.fromIncluded ? v < from : v <= from)) return false;
    if (to !== null && (node.toIncluded ? v > to : v >= to)) return false;
    return true;
  };
}

function clause(
  node: Extract<FqNode, { type: 'term' | 'range' }>,
  scan: CatalogueScan,
  now: Date,
): Test {
  const { field } = node;
  if (has(FACET_FIELDS, field)) {
    const { facet, fold } = FACET_FIELDS[field];
    if (node.type === 'range') {
      const f = (v: string) => (v === '*' ? null : fold ? v.toLowerCase() : v);
      const from = f(node.from);
      const to = f(node.to);
      return scan.matcher(facet, (raw) => {
        const v = fold ? raw.toLowerCase() : raw;
        return (from === null || v >= from) && (to === null || v <= to);
      });
    }
    return scan.matcher(facet, valueTest(node.value, node.quoted, fold));
  }
  if (has(TIME_FIELDS, field)) {
    const read = TIME_FIELDS[field] === 'modified' ? scan.modified : scan.created;
    if (node.type === 'range') return rangeTest(read, node, (v) => fqDate(v, now));
    if (!node.quoted && node.value === '*') return () => true;
    const at = fqDate(node.value, now);
    return (p) => read(p) === at;
  }
  if (field === 'name' || field === 'id') {
    const read = field === 'name' ? scan.slug : scan.id;
    if (node.type === 'range') return rangeTest(read, node, (v) => (v === '*' ? null : v));
    const test = valueTest(node.value, node.quoted, false);
    return (p) => test(read(p));
  }
  if (field === 'private') {
    const value = node.type === 'term' ? node.value.toLowerCase() : '';
    if (value === '*') return () => true;
    if (value !== 'true' && value !== 'false') {
      throw new FqSyntaxError('private: takes true or false');
    }
    const wanted = value === 'true';
    return (p) => scan.isPrivate(p) === wanted;
  }
  throw new FqSyntaxError(`cannot filter on ${field}: fq knows ${FQ_FIELDS.join(', ')}`);
}

/** Compiles the tree; throws FqSyntaxError for a field or value it cannot filter on. */
export function compileFq(node: FqNode, scan: CatalogueScan, now: Date): Test {
  switch (node.type) {
    case 'all':
      return () => true;
    case 'not': {
      const inner = compileFq(node.item, scan, now);
      return (p) => !inner(p);
    }
    case 'and': {
      const tests = node.items.map((n) => compileFq(n, scan, now));
      return (p) => tests.every((t) => t(p));
    }
    case 'or': {
      const tests = node.items.map((n) => compileFq(n, scan, now));
      return (p) => tests.some((t) => t(p));
    }
    default:
      return clause(node, scan, now);
  }
}
