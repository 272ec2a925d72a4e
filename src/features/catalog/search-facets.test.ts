import { describe, expect, it } from 'vitest';
import type { ReadableScope } from '../accounts/index.js';
import { searchInIndex } from './search-facets.js';
import { applyChanges, buildSearchIndex, matchesBySlot } from './search-index.js';
import type { DatasetRows, IndexedDataset } from './search-index.repository.js';
import { FACETS, type FacetName, type FacetValue, type SearchParams } from './search-types.js';

// The search answers some searches from kept counts and postings instead of walking every
// dataset. Whatever path it takes, it must answer as a plain walk over a simple model of the
// catalogue does: random catalogues, random edits kept in place, random searches.

function random(seed: number) {
  let x = seed;
  return () => (x = (x * 48271) % 2147483647) / 2147483647;
}

const ORGS = [1, 2, 3, 4].map((n) => ({ id: `o${n}`, slug: `org-${n}`, name: `Council ${5 - n}` }));
const THEMES = [
  { slug: 'transport', title: 'Transport' },
  { slug: 'housing', title: 'Housing' },
  { slug: 'environment', title: 'Environment' },
];
const TAGS = ['bus', 'rail', 'air', 'homes', 'gis', 'budget', 'crime', 'parks'];
const FORMATS = ['CSV', 'GEOJSON', 'PDF'];
const LICENCES = ['OGL-UK-3.0', 'CC-BY-4.0', 'CC0-1.0'];
const STARS = ['5', '4', '3', '2', '1', '0'];
const RATINGS = ['excellent', 'good', 'sufficient', 'bad'];

interface Model extends IndexedDataset {
  themes: string[];
  tags: string[];
  formats: string[];
  /** Not yet scored: no openness or quality value. */
  rating: { openness: number; quality: string } | null;
  key: number;
}

type Next = () => number;
const pick = <T>(next: Next, list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
const some = <T>(next: Next, list: readonly T[], p: number) => list.filter(() => next() < p);

function dataset(next: Next, i: number): Model {
  const state = next() < 0.85 ? 'active' : next() < 0.5 ? 'draft' : 'deleted';
  return {
    id: `d${String(i).padStart(4, '0')}`,
    slug: `s${String(i)}`,
    organisation_id: pick(next, ORGS).id,
    title: `${pick(next, ['Bus', 'Air', 'Homes', 'Zoo'])} ${String(Math.floor(next() * 5))}`,
    licence: pick(next, LICENCES),
    state,
    visibility: next() < 0.85 ? 'public' : 'private',
    created_at: '2026-01-01T00:00:00.000Z',
    modified_at: `2026-0${String(1 + Math.floor(next() * 9))}-01T00:00:00.000Z`,
    themes: some(next, THEMES, 0.3).map((t) => t.slug),
    tags: some(next, TAGS, 0.25),
    formats: some(next, FORMATS, 0.4),
    rating:
      next() < 0.8 ? { openness: Math.floor(next() * 6), quality: pick(next, RATINGS) } : null,
    key: i + 1,
  };
}

function rowsOf(models: Model[]): DatasetRows {
  const list = (of: (m: Model) => string[]) =>
    models.flatMap((m) =>
      of(m).length ? [{ dataset_id: m.id, list: JSON.stringify(of(m)) }] : [],
    );
  return {
    datasets: models,
    datasetTags: list((m) => m.tags),
    datasetThemes: list((m) => m.themes),
    datasetFormats: list((m) => m.formats),
    ratings: models.flatMap((m) => (m.rating ? [{ dataset_id: m.id, ...m.rating }] : [])),
    textRows: models.map((m) => ({ text_key: m.key, dataset_id: m.id })),
  };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The search as plainly as it can be said, over the model. */
function reference(
  models: Map<string, Model>,
  scope: ReadableScope,
  params: SearchParams,
  matches: Map<number, number> | null,
) {
  const valuesOf = (m: Model, f: FacetName): string[] =>
    f === 'organisation'
      ? [ORGS.find((o) => o.id === m.organisation_id)?.slug ?? '']
      : f === 'theme'
        ? m.themes
        : f === 'tag'
          ? m.tags
          : f === 'format'
            ? m.formats
            : f === 'licence'
              ? [m.licence]
              : f === 'openness'
                ? m.rating
                  ? [String(m.rating.openness)]
                  : []
                : m.rating
                  ? [m.rating.quality]
                  : [];
  const labelOf = (f: FacetName, v: string) =>
    f === 'organisation'
      ? (ORGS.find((o) => o.slug === v)?.name ?? v)
      : f === 'theme'
        ? (THEMES.find((t) => t.slug === v)?.title ?? v)
        : f === 'openness'
          ? v === '0'
            ? 'No stars'
            : `${v} star${v === '1' ? '' : 's'}`
          : f === 'quality'
            ? v.charAt(0).toUpperCase() + v.slice(1)
            : v;
  // Grades are listed best first, the other facets most used first.
  const graded: Partial<Record<FacetName, string[]>> = { openness: STARS, quality: RATINGS };
  const counts = new Map(FACETS.map((f) => [f, new Map<string, number>()]));
  const count = (f: FacetName, m: Model) => {
    const c = counts.get(f);
    for (const v of valuesOf(m, f)) c?.set(v, (c.get(v) ?? 0) + 1);
  };
  const hits: Model[] = [];
  for (const m of models.values()) {
    if (m.state === 'deleted') continue;
    const open = m.state === 'active' && m.visibility === 'public';
    if (!scope.all && !open && !scope.organisationIds.includes(m.organisation_id)) continue;
    if (params.modifiedSince !== undefined && Date.parse(m.modified_at) < params.modifiedSince)
      continue;
    if (matches && !matches.has(m.key)) continue;
    const failed = FACETS.filter((f) => {
      const wanted = params.filters[f].map((v) => (f === 'format' ? v.toUpperCase() : v));
      return wanted.length > 0 && !valuesOf(m, f).some((v) => wanted.includes(v));
    });
    if (failed.length > 1) continue;
    const [only] = failed;
    if (only) {
      count(only, m);
      continue;
    }
    hits.push(m);
    for (const f of FACETS) count(f, m);
  }
  const newest = (a: Model, b: Model) =>
    compare(b.modified_at, a.modified_at) || compare(a.id, b.id);
  const score = (m: Model) => matches?.get(m.key) ?? 0;
  hits.sort(
    params.sort === 'title'
      ? (a, b) => compare(a.title, b.title) || compare(a.id, b.id)
      : matches && params.sort === 'relevance'
        ? (a, b) => score(a) - score(b) || newest(a, b)
        : newest,
  );
  const offset = (params.page - 1) * params.perPage;
  const facets = Object.fromEntries(
    FACETS.map((f): [FacetName, FacetValue[]] => [
      f,
      [...(counts.get(f) ?? new Map<string, number>())]
        .map(([value, n]) => ({ value, label: labelOf(f, value), count: n }))
        .sort((a, b) => {
          const grades = graded[f];
          if (grades) return grades.indexOf(a.value) - grades.indexOf(b.value);
          return b.count - a.count || compare(a.label, b.label) || compare(a.value, b.value);
        })
        .slice(0, 50),
    ]),
  ) as Record<FacetName, FacetValue[]>;
  return {
    total: hits.length,
    ids: hits.slice(offset, offset + params.perPage).map((m) => m.id),
    facets,
  };
}

function randomSearch(next: Next, models: Map<string, Model>) {
  const filters = Object.fromEntries(FACETS.map((f) => [f, [] as string[]])) as Record<
    FacetName,
    string[]
  >;
  const pool: Record<FacetName, readonly string[]> = {
    organisation: ORGS.map((o) => o.slug),
    theme: THEMES.map((t) => t.slug),
    tag: [...TAGS, 'unknown'],
    format: ['csv', ...FORMATS],
    licence: LICENCES,
    openness: STARS,
    quality: [...RATINGS, 'unknown'],
  };
  const facets = some(next, FACETS, 0.25);
  for (const f of facets) filters[f] = some(next, pool[f], 0.3).concat(pick(next, pool[f]));
  const worded = next() < 0.3;
  const matches = worded
    ? new Map([...models.values()].filter(() => next() < 0.3).map((m) => [m.key, next()]))
    : null;
  const params: SearchParams = {
    q: worded ? 'words' : '',
    filters,
    sort: pick(next, ['relevance', 'modified', 'title'] as const),
    page: 1 + Math.floor(next() * 3),
    perPage: pick(next, [5, 20, 100]),
    modifiedSince: next() < 0.1 ? Date.UTC(2026, 4, 1) : undefined,
  };
  const scope: ReadableScope = pick(next, [
    { all: false, organisationIds: [] },
    { all: false, organisationIds: ['o2'] },
    { all: true, organisationIds: [] },
  ]);
  return { params, scope, matches };
}

describe('searchInIndex', () => {
  it('answers every search as a plain walk over the catalogue, after edits in place', () => {
    for (const seed of [1, 2, 3]) {
      const next = random(seed);
      const models = new Map<string, Model>();
      for (let i = 0; i < 300; i++) {
        const m = dataset(next, i);
        models.set(m.id, m);
      }
      const live = [...models.values()].filter((m) => m.state !== 'deleted');
      const index = buildSearchIndex({ ...rowsOf(live), organisations: ORGS, themes: THEMES });
      for (let round = 0; round < 6; round++) {
        for (let s = 0; s < 60; s++) {
          const { params, scope, matches } = randomSearch(next, models);
          const want = reference(models, scope, params, matches);
          const bySlot = matches && matchesBySlot(index, matches);
          expect(searchInIndex(index, scope, params, bySlot), JSON.stringify(params)).toEqual(want);
        }
        // Rewrites (new values, hidden, published, deleted) and new datasets, kept in place.
        const changed = new Set<string>();
        for (let c = 0; c < 40; c++) {
          const i = Math.floor(next() * (models.size + 5));
          const m = { ...dataset(next, i), key: i + 1 };
          models.set(m.id, m);
          changed.add(m.id);
        }
        const rows = rowsOf([...changed].flatMap((id) => models.get(id) ?? []));
        expect(applyChanges(index, rows, changed)).toBe(true);
      }
    }
  });
});
