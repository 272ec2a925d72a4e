import { sql, type Migration } from 'kysely';
import type { Dialect } from '../connect.js';
import type { AnyDb } from './any-db.js';
import { SEARCH_GENERATION_KEY } from './0003-search-indexes.js';

// Each dataset's openness stars and metadata quality rating as search facets (issue 15). The
// catalogue keeps its own copy, written by the quality scores when they change, so that search
// needs nothing from the feature above it. Its triggers log changes for the search indexes as
// the other facets' do (0015), marked `derived`: a rating is computed from the catalogue, so
// those reading the log for changes of the catalogue itself (the quality scores) pass over it.

const G = `(SELECT CAST(value AS INTEGER) FROM meta WHERE key = '${SEARCH_GENERATION_KEY}')`;
const BUMP = `UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = '${SEARCH_GENERATION_KEY}';`;
const log = (row: 'NEW' | 'OLD') =>
  `INSERT INTO search_changes (generation, dataset_id, derived) SELECT ${G}, ${row}.dataset_id, 1;`;

// PostgreSQL: as 0015's bump_search_generation (one generation per transaction), marked derived.
const PG_FUNCTION = `CREATE OR REPLACE FUNCTION log_derived_search_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  g bigint := NULLIF(current_setting('metrodata.search_generation', true), '')::bigint;
BEGIN
  IF g IS NULL THEN
    UPDATE meta SET value = (value::bigint + 1)::text WHERE key = '${SEARCH_GENERATION_KEY}'
      RETURNING value::bigint INTO g;
    PERFORM set_config('metrodata.search_generation', g::text, true);
  END IF;
  IF TG_OP = 'DELETE' THEN
    INSERT INTO search_changes (generation, dataset_id, derived) VALUES (g, OLD.dataset_id, 1);
  ELSE
    INSERT INTO search_changes (generation, dataset_id, derived) VALUES (g, NEW.dataset_id, 1);
  END IF;
  RETURN NULL;
END $$`;

export function datasetRatingsMigration(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .alterTable('search_changes')
        .addColumn('derived', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createTable('dataset_ratings')
        .addColumn('dataset_id', 'text', (c) =>
          c.primaryKey().references('datasets.id').onDelete('cascade'),
        )
        .addColumn('openness', 'integer', (c) => c.notNull())
        .addColumn('quality', 'text', (c) => c.notNull())
        .execute();
      // Scores computed before this migration count at once.
      await sql`INSERT INTO dataset_ratings (dataset_id, openness, quality)
        SELECT dataset_id, stars, rating FROM quality_scores`.execute(db);
      if (dialect === 'sqlite') {
        for (const event of ['insert', 'update', 'delete'] as const) {
          const row = event === 'delete' ? 'OLD' : 'NEW';
          await sql
            .raw(
              `CREATE TRIGGER dataset_ratings_search_${event} AFTER ${event.toUpperCase()}
              ON dataset_ratings BEGIN ${BUMP} ${log(row)} END`,
            )
            .execute(db);
        }
        return;
      }
      await sql.raw(PG_FUNCTION).execute(db);
      await sql
        .raw(
          `CREATE CONSTRAINT TRIGGER dataset_ratings_search AFTER INSERT OR UPDATE OR DELETE
          ON dataset_ratings DEFERRABLE INITIALLY DEFERRED
          FOR EACH ROW EXECUTE FUNCTION log_derived_search_change()`,
        )
        .execute(db);
    },

    async down(db: AnyDb) {
      // Its triggers go with the table.
      await db.schema.dropTable('dataset_ratings').execute();
      if (dialect === 'postgres') {
        await sql.raw('DROP FUNCTION IF EXISTS log_derived_search_change()').execute(db);
      }
      await db.deleteFrom('search_changes').where('derived', '=', 1).execute();
      await db.schema.alterTable('search_changes').dropColumn('derived').execute();
    },
  };
}
