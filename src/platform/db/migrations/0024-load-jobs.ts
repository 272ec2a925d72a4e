import type { Migration } from 'kysely';
import type { AnyDb } from './any-db.js';

/**
 * Datastore loads become leased jobs (issue 16): a load makes at most one version, whichever
 * node runs it and however often it is taken over; and the loads waiting when a node is upgraded
 * get the job that runs them (the job's id is the load's).
 */
export const loadJobsMigration: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createIndex('datastore_versions_load_idx')
      .on('datastore_versions')
      .column('load_id')
      .unique()
      .execute();
    const waiting = (await db
      .selectFrom('datastore_loads')
      .select('id')
      .where('status', 'in', ['queued', 'running'])
      .execute()) as { id: string }[];
    const at = new Date().toISOString();
    for (const { id } of waiting) {
      await db
        .insertInto('jobs')
        .values({
          id,
          kind: 'datastore.load',
          payload: JSON.stringify({ loadId: id }),
          dedupe_key: null,
          state: 'queued',
          attempts: 0,
          max_attempts: 3,
          run_at: at,
          lease_until: null,
          locked_by: null,
          last_error: null,
          created_at: at,
          updated_at: at,
          finished_at: null,
        })
        .execute();
    }
  },
  async down(db: AnyDb) {
    await db.deleteFrom('jobs').where('kind', '=', 'datastore.load').execute();
    await db.schema.dropIndex('datastore_versions_load_idx').execute();
  },
};
