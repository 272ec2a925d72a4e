import { sql, type Migration } from 'kysely';
import type { Dialect } from '../connect.js';
import type { AnyDb } from './any-db.js';

/** The `meta` key whose value every process compares to know its search index is current. */
export const SEARCH_GENERATION_KEY = 'search_generation';

// What the in-memory search index (features/catalog/search-index.ts) copies. Any write to these
// columns bumps the generation in the writer's own transaction, so every process sees the change
// exactly when the data commits, whoever wrote it (services, CLI, another node, plain SQL).
const WATCHED: { table: string; columns: string[] | null }[] = [
  {
    table: 'datasets',
    columns: ['organisation_id', 'licence', 'state', 'visibility', 'title', 'modified_at'],
  },
  { table: 'dataset_tags', columns: null },
  { table: 'dataset_themes', columns: null },
  { table: 'resources', columns: ['dataset_id', 'format'] },
  { table: 'organisations', columns: ['slug', 'name'] },
  { table: 'themes', columns: ['slug', 'title'] },
];

const sqliteTriggers = WATCHED.flatMap(({ table, columns }) =>
  (['insert', 'update', 'delete'] as const).map((event) => ({
    name: `${table}_search_${event}`,
    event: event === 'update' && columns ? `UPDATE OF ${columns.join(', ')}` : event.toUpperCase(),
    table,
  })),
);

export function searchIndexesMigration(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      // Formats per dataset (search index load, result lists) read from the index alone.
      await db.schema
        .createIndex('resources_dataset_format_idx')
        .on('resources')
        .columns(['dataset_id', 'format'])
        .execute();
      // Counting from the clock, a counter made again (down, then up) never repeats a value a
      // running process may still hold.
      await db
        .insertInto('meta')
        .values({ key: SEARCH_GENERATION_KEY, value: String(Date.now()) })
        .execute();
      if (dialect === 'sqlite') {
        // SQLite has only row triggers; each is one primary-key update of a one-row page.
        for (const t of sqliteTriggers) {
          await sql
            .raw(
              `CREATE TRIGGER ${t.name} AFTER ${t.event} ON ${t.table} BEGIN
                UPDATE meta SET value = CAST(value AS INTEGER) + 1
                WHERE key = '${SEARCH_GENERATION_KEY}';
              END`,
            )
            .execute(db);
        }
        return;
      }
      // Deferred to commit: a row lock on the meta row held from a transaction's first write
      // to its end would make concurrent writers queue (measured: 8 writers 2-3x slower) and
      // could deadlock with dataset row locks taken in the other order. At commit every other
      // lock is already held, and the lock still orders the bumps as the transactions commit.
      // The transaction-local setting makes it one bump per transaction, however many rows.
      await sql
        .raw(
          `CREATE FUNCTION bump_search_generation() RETURNS trigger LANGUAGE plpgsql AS $$
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
      for (const { table, columns } of WATCHED) {
        const update = columns ? `UPDATE OF ${columns.join(', ')}` : 'UPDATE';
        await sql
          .raw(
            `CREATE CONSTRAINT TRIGGER ${table}_search AFTER INSERT OR ${update} OR DELETE
            ON ${table} DEFERRABLE INITIALLY DEFERRED
            FOR EACH ROW EXECUTE FUNCTION bump_search_generation()`,
          )
          .execute(db);
      }
    },

    async down(db: AnyDb) {
      if (dialect === 'sqlite') {
        for (const t of sqliteTriggers)
          await sql.raw(`DROP TRIGGER IF EXISTS ${t.name}`).execute(db);
      } else {
        for (const { table } of WATCHED) {
          await sql.raw(`DROP TRIGGER IF EXISTS ${table}_search ON ${table}`).execute(db);
        }
        await sql`DROP FUNCTION IF EXISTS bump_search_generation()`.execute(db);
      }
      await db.deleteFrom('meta').where('key', '=', SEARCH_GENERATION_KEY).execute();
      await db.schema.dropIndex('resources_dataset_format_idx').ifExists().execute();
    },
  };
}
