import { sql, type Kysely } from 'kysely';
import type { Db, Dialect } from '../../platform/db/connect.js';
import type { Database } from '../../platform/db/schema.js';
import { ftsQuery, parseQuery, stemText, tsQuery, words } from '../../platform/search/text.js';
import type { ReadableScope } from '../accounts/policy.js';
import { visibleDatasets, type DatasetQuery } from './dataset.repository.js';

export type FacetName = 'organisation' | 'theme' | 'tag' | 'format' | 'licence';
export const FACETS: readonly FacetName[] = ['organisation', 'theme', 'tag', 'format', 'licence'];

export interface SearchParams {
  q: string;
  filters: Record<FacetName, string[]>;
  sort: 'relevance' | 'modified' | 'title';
  page: number;
  perPage: number;
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

export interface SearchPage {
  total: number;
  ids: string[];
  facets: Record<FacetName, FacetValue[]>;
}

const FACET_LIMIT = 50;

export interface IndexedText {
  title: string;
  tags: string[];
  description: string;
}

/** Writes one dataset's entry in the full-text index (replacing any earlier one). */
export async function indexDataset(
  k: Kysely<Database>,
  dialect: Dialect,
  datasetId: string,
  text: IndexedText,
): Promise<void> {
  const title = stemText(text.title);
  const tags = stemText(text.tags.join(' '));
  const description = stemText(text.description);
  const raw = [...new Set(words(`${text.title} ${text.tags.join(' ')} ${text.description}`))].join(
    ' ',
  );
  if (dialect === 'sqlite') {
    await k.deleteFrom('dataset_fts').where('dataset_id', '=', datasetId).execute();
    await k
      .insertInto('dataset_fts')
      .values({ dataset_id: datasetId, title, tags, description, words: raw })
      .execute();
    return;
  }
  const document = sql<string>`setweight(to_tsvector('simple', ${title}), 'A')
    || setweight(to_tsvector('simple', ${tags}), 'B')
    || setweight(to_tsvector('simple', ${description}), 'C')
    || setweight(to_tsvector('simple', ${raw}), 'D')`;
  await k
    .insertInto('dataset_search')
    .values({ dataset_id: datasetId, document })
    .onConflict((oc) => oc.column('dataset_id').doUpdateSet({ document }))
    .execute();
}

function matching(db: Db, q: string) {
  const terms = parseQuery(q);
  if (!terms) return null;
  if (db.dialect === 'sqlite') {
    return db.kysely
      .selectFrom('dataset_fts')
      .select('dataset_id')
      .where(sql<boolean>`dataset_fts MATCH ${ftsQuery(terms)}`);
  }
  return db.kysely
    .selectFrom('dataset_search')
    .select('dataset_id')
    .where(sql<boolean>`document @@ to_tsquery('simple', ${tsQuery(terms)})`);
}

function filtered(
  db: Db,
  scope: ReadableScope,
  params: SearchParams,
  except: FacetName | null,
): DatasetQuery {
  let qb = visibleDatasets(db.kysely, scope);
  const text = matching(db, params.q);
  if (text) qb = qb.where('d.id', 'in', text);
  const f = params.filters;
  const k: Kysely<Database> = db.kysely;
  if (except !== 'organisation' && f.organisation.length > 0) {
    qb = qb.where(
      'd.organisation_id',
      'in',
      k.selectFrom('organisations').select('id').where('slug', 'in', f.organisation),
    );
  }
  if (except !== 'licence' && f.licence.length > 0) qb = qb.where('d.licence', 'in', f.licence);
  if (except !== 'theme' && f.theme.length > 0) {
    qb = qb.where(
      'd.id',
      'in',
      k.selectFrom('dataset_themes').select('dataset_id').where('theme', 'in', f.theme),
    );
  }
  if (except !== 'tag' && f.tag.length > 0) {
    qb = qb.where(
      'd.id',
      'in',
      k.selectFrom('dataset_tags').select('dataset_id').where('tag', 'in', f.tag),
    );
  }
  if (except !== 'format' && f.format.length > 0) {
    const formats = f.format.map((x) => x.toUpperCase());
    qb = qb.where(
      'd.id',
      'in',
      k.selectFrom('resources').select('dataset_id').where('format', 'in', formats),
    );
  }
  return qb;
}

async function facet(
  db: Db,
  scope: ReadableScope,
  params: SearchParams,
  name: FacetName,
): Promise<FacetValue[]> {
  const qb = filtered(db, scope, params, name);
  const count = sql<number>`count(*)`;
  let rows: { value: string; label: string; count: number }[];
  switch (name) {
    case 'organisation':
      rows = await qb
        .innerJoin('organisations as o', 'o.id', 'd.organisation_id')
        .select(['o.slug as value', 'o.name as label', count.as('count')])
        .groupBy(['o.slug', 'o.name'])
        .orderBy('count', 'desc')
        .orderBy('o.name')
        .limit(FACET_LIMIT)
        .execute();
      break;
    case 'theme':
      rows = await qb
        .innerJoin('dataset_themes as t', 't.dataset_id', 'd.id')
        .innerJoin('themes as th', 'th.slug', 't.theme')
        .select(['th.slug as value', 'th.title as label', count.as('count')])
        .groupBy(['th.slug', 'th.title'])
        .orderBy('count', 'desc')
        .orderBy('th.title')
        .limit(FACET_LIMIT)
        .execute();
      break;
    case 'tag':
      rows = await qb
        .innerJoin('dataset_tags as t', 't.dataset_id', 'd.id')
        .select(['t.tag as value', 't.tag as label', count.as('count')])
        .groupBy('t.tag')
        .orderBy('count', 'desc')
        .orderBy('t.tag')
        .limit(FACET_LIMIT)
        .execute();
      break;
    case 'format':
      rows = await qb
        .innerJoin(
          (eb) => eb.selectFrom('resources').select(['dataset_id', 'format']).distinct().as('r'),
          (join) => join.onRef('r.dataset_id', '=', 'd.id'),
        )
        .select(['r.format as value', 'r.format as label', count.as('count')])
        .groupBy('r.format')
        .orderBy('count', 'desc')
        .orderBy('r.format')
        .limit(FACET_LIMIT)
        .execute();
      break;
    case 'licence':
      rows = await qb
        .select(['d.licence as value', 'd.licence as label', count.as('count')])
        .groupBy('d.licence')
        .orderBy('count', 'desc')
        .orderBy('d.licence')
        .limit(FACET_LIMIT)
        .execute();
      break;
  }
  return rows;
}

function rank(db: Db, q: string) {
  const terms = parseQuery(q);
  if (!terms) return null;
  if (db.dialect === 'sqlite') {
    // bm25 is lower for better matches; weights: title 10, tags 5, description 2, words 1.
    return db.kysely
      .selectFrom('dataset_fts')
      .select(['dataset_id', sql<number>`bm25(dataset_fts, 0, 10.0, 5.0, 2.0, 1.0)`.as('score')])
      .where(sql<boolean>`dataset_fts MATCH ${ftsQuery(terms)}`)
      .as('m');
  }
  const query = sql`to_tsquery('simple', ${tsQuery(terms)})`;
  return db.kysely
    .selectFrom('dataset_search')
    .select([
      'dataset_id',
      sql<number>`-ts_rank('{0.05, 0.2, 0.5, 1.0}', document, ${query})`.as('score'),
    ])
    .where(sql<boolean>`document @@ ${query}`)
    .as('m');
}

async function page(db: Db, scope: ReadableScope, params: SearchParams): Promise<string[]> {
  const offset = (params.page - 1) * params.perPage;
  const ranked = params.sort === 'relevance' ? rank(db, params.q) : null;
  if (ranked) {
    const rows = await filtered(db, scope, { ...params, q: '' }, null)
      .innerJoin(ranked, 'm.dataset_id', 'd.id')
      .select('d.id')
      .orderBy('m.score')
      .orderBy('d.modified_at', 'desc')
      .orderBy('d.id')
      .limit(params.perPage)
      .offset(offset)
      .execute();
    return rows.map((r) => r.id);
  }
  let qb = filtered(db, scope, params, null).select('d.id');
  qb =
    params.sort === 'title'
      ? qb.orderBy('d.title').orderBy('d.id')
      : qb.orderBy('d.modified_at', 'desc').orderBy('d.id');
  const rows = await qb.limit(params.perPage).offset(offset).execute();
  return rows.map((r) => r.id);
}

export async function searchDatasets(
  db: Db,
  scope: ReadableScope,
  params: SearchParams,
): Promise<SearchPage> {
  const totalRow = filtered(db, scope, params, null)
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  const [total, ids, ...facetValues] = await Promise.all([
    totalRow.then((r) => r.n),
    page(db, scope, params),
    ...FACETS.map((name) => facet(db, scope, params, name)),
  ]);
  const facets = Object.fromEntries(FACETS.map((name, i) => [name, facetValues[i] ?? []]));
  return { total, ids, facets: facets as Record<FacetName, FacetValue[]> };
}
