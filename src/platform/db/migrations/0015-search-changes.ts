import { sql, type Migration } from 'kysely';
import type { Dialect } from '../connect.js';
import type { AnyDb } from './any-db.js';
import { SEARCH_GENERATION_KEY } from './0003-search-indexes.js';

/** The `meta` key holding the newest generation pruned from `search_changes`. */
export const SEARCH_PRUNED_KEY = 'search_changes_pruned';

// Which datasets each generation changed, so an in-memory search index catches up by re-reading
// those datasets instead of reloading the catalogue (seconds at 100,000 datasets). Rows come
// from the same triggers that bump the generation (0003), in the writer's own transaction. A
// change without a dataset (an organisation or theme renamed) asks for a full reload.

const G = `(SELECT CAST(value AS INTEGER) FROM meta WHERE key = '${SEARCH_GENERATION_KEY}')`;
const BUMP = `UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = '${SEARCH_GENERATION_KEY}';`;
const log = (id: string) =>
  `INSERT INTO search_changes (generation, dataset_id) SELECT ${G}, ${id};`;

/** The dataset (or none) each SQLite trigger logs, per table and event. */
const SQLITE: { table: string; columns: string[] | null; id: (row: 'NEW' | 'OLD') => string }[] = [
  {
    table: 'datasets',
    columns: ['organisation_id', 'licence', 'state', 'visibility', 'title', 'modified_at', 'slug'],
    id: (row) => `${row}.id`,
  },
  { table: 'dataset_tags', columns: null, id: (row) => `${row}.dataset_id` },
  { table: 'dataset_themes', columns: null, id: (row) => `${row}.dataset_id` },
  { table: 'resources', columns: ['dataset_id', 'format'], id: (row) => `${row}.dataset_id` },
  { table: 'organisations', columns: ['slug', 'name'], id: () => 'NULL' },
  { table: 'themes', columns: ['slug', 'title'], id: () => 'NULL' },
];

// SQLite: each dataset's full-text row has a fixed rowid, its text key, so a rewrite deletes the
// old row by rowid (a lookup by the UNINDEXED dataset_id column scans the whole table: 20 ms at
// 100,000 datasets) and the search index's mapping of matches to datasets never goes stale.
async function textKeysUp(db: AnyDb) {
  await db.schema
    .createTable('search_text_keys')
    .addColumn('dataset_id', 'text', (c) => c.primaryKey())
    .addColumn('text_key', 'integer', (c) => c.notNull().unique())
    .execute();
  await sql`INSERT INTO search_text_keys (dataset_id, text_key)
    SELECT dataset_id, max(rowid) FROM dataset_fts GROUP BY dataset_id`.execute(db);
  await sql`DELETE FROM dataset_fts
    WHERE rowid NOT IN (SELECT text_key FROM search_text_keys)`.execute(db);
  await sql
    .raw(
      `CREATE TRIGGER search_text_keys_insert AFTER INSERT ON search_text_keys BEGIN
        ${BUMP} ${log('NEW.dataset_id')} END`,
    )
    .execute(db);
}

async function sqliteUp(db: AnyDb) {
  for (const { table, columns, id } of SQLITE) {
    for (const event of ['insert', 'update', 'delete'] as const) {
      const name = `${table}_search_${event}`;
      await sql.raw(`DROP TRIGGER IF EXISTS ${name}`).execute(db);
      const on =
        event === 'update' && columns ? `UPDATE OF ${columns.join(', ')}` : event.toUpperCase();
      // An update that moves a row (a resource to another dataset) changes both datasets.
      const moves = event === 'update' && table !== 'datasets' && id('OLD') !== id('NEW');
      const body =
        event === 'delete' ? log(id('OLD')) : log(id('NEW')) + (moves ? log(id('OLD')) : '');
      await sql
        .raw(`CREATE TRIGGER ${name} AFTER ${on} ON ${table} BEGIN ${BUMP} ${body} END`)
        .execute(db);
    }
  }
}

// PostgreSQL: the deferred trigger of 0003 now also logs the row's dataset with the
// transaction's one generation (kept in a transaction-local setting). Bumps still take the meta
// row's lock at commit, so generations commit in order and a reader that sees generation G sees
// every change up to G.
const PG_FUNCTION = `CREATE OR REPLACE FUNCTION bump_search_generation() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  g bigint := NULLIF(current_setting('metrodata.search_generation', true), '')::bigint;
BEGIN
  IF g IS NULL THEN
    UPDATE meta SET value = (value::bigint + 1)::text WHERE key = '${SEARCH_GENERATION_KEY}'
      RETURNING value::bigint INTO g;
    PERFORM set_config('metrodata.search_generation', g::text, true);
  END IF;
  IF TG_TABLE_NAME IN ('organisations', 'themes') THEN
    INSERT INTO search_changes (generation, dataset_id) VALUES (g, NULL);
  ELSIF TG_TABLE_NAME = 'datasets' THEN
    IF TG_OP <> 'DELETE' THEN INSERT INTO search_changes VALUES (g, NEW.id); END IF;
    IF TG_OP <> 'INSERT' THEN INSERT INTO search_changes VALUES (g, OLD.id); END IF;
  ELSE
    IF TG_OP <> 'DELETE' THEN INSERT INTO search_changes VALUES (g, NEW.dataset_id); END IF;
    IF TG_OP <> 'INSERT' THEN INSERT INTO search_changes VALUES (g, OLD.dataset_id); END IF;
  END IF;
  RETURN NULL;
END $$`;

export function searchChangesMigration(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('search_changes')
        .addColumn('generation', 'bigint', (c) => c.notNull())
        .addColumn('dataset_id', 'text')
        .execute();
      await db.schema
        .createIndex('search_changes_generation_idx')
        .on('search_changes')
        .column('generation')
        .execute();
      await db.insertInto('meta').values({ key: SEARCH_PRUNED_KEY, value: '0' }).execute();
      if (dialect === 'sqlite') {
        await textKeysUp(db);
        await sqliteUp(db);
        return;
      }
      await sql.raw(PG_FUNCTION).execute(db);
      // Full-text rows too, for the kept lists of matches (features/catalog/search-text-cache.ts).
      await sql
        .raw(
          `CREATE CONSTRAINT TRIGGER dataset_search_search AFTER INSERT OR UPDATE OR DELETE
          ON dataset_search DEFERRABLE INITIALLY DEFERRED
          FOR EACH ROW EXECUTE FUNCTION bump_search_generation()`,
        )
        .execute(db);
      // Slugs are in the index too (the CKAN API filters and sorts on them).
      await sql.raw('DROP TRIGGER IF EXISTS datasets_search ON datasets').execute(db);
      await sql
        .raw(
          `CREATE CONSTRAINT TRIGGER datasets_search AFTER INSERT OR UPDATE OF organisation_id,
          licence, state, visibility, title, modified_at, slug OR DELETE ON datasets
          DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_search_generation()`,
        )
        .execute(db);
    },

    async down(db: AnyDb) {
      // Back to 0003's triggers, which only bump the generation.
      if (dialect === 'sqlite') {
        for (const { table, columns } of SQLITE) {
          for (const event of ['insert', 'update', 'delete'] as const) {
            const name = `${table}_search_${event}`;
            await sql.raw(`DROP TRIGGER IF EXISTS ${name}`).execute(db);
            const watched = table === 'datasets' ? columns?.filter((c) => c !== 'slug') : columns;
            const on =
              event === 'update' && watched
                ? `UPDATE OF ${watched.join(', ')}`
                : event.toUpperCase();
            await sql
              .raw(`CREATE TRIGGER ${name} AFTER ${on} ON ${table} BEGIN ${BUMP} END`)
              .execute(db);
          }
        }
      } else {
        await sql
          .raw(
            `CREATE OR REPLACE FUNCTION bump_search_generation() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
              IF current_setting('metrodata.search_bumped', true) IS DISTINCT FROM '1' THEN
                UPDATE meta SET value = (value::bigint + 1)::text
                WHERE key = '${SEARCH_GENERATION_KEY}';
                PERFORM set_config('metrodata.search_bumped', '1', true);
              END IF;
              RETURN NULL;
            END $$`,
          )
          .execute(db);
        await sql.raw('DROP TRIGGER IF EXISTS dataset_search_search ON dataset_search').execute(db);
        await sql.raw('DROP TRIGGER IF EXISTS datasets_search ON datasets').execute(db);
        await sql
          .raw(
            `CREATE CONSTRAINT TRIGGER datasets_search AFTER INSERT OR UPDATE OF organisation_id,
            licence, state, visibility, title, modified_at OR DELETE ON datasets
            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_search_generation()`,
          )
          .execute(db);
      }
      await db.schema.dropTable('search_text_keys').ifExists().execute();
      await db.deleteFrom('meta').where('key', '=', SEARCH_PRUNED_KEY).execute();
      await db.schema.dropTable('search_changes').execute();
    },
  };
}
