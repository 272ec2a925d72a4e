import type { Kysely } from 'kysely';
import type {
  Database,
  HarvestedDatasetRow,
  HarvestItemRow,
  HarvestRun,
  HarvestSource,
} from '../../platform/db/schema.js';

// The harvest's SQL: sources, runs, their items, and the link of each harvested dataset to its
// source identifier.

type Db = Kysely<Database>;

export const insertSource = (db: Db, source: HarvestSource) =>
  db.insertInto('harvest_sources').values(source).execute();

export const findSource = (db: Db, id: string) =>
  db.selectFrom('harvest_sources').selectAll().where('id', '=', id).executeTakeFirst();

export function listSources(db: Db, page: { limit: number; offset: number }) {
  return db
    .selectFrom('harvest_sources')
    .selectAll()
    .orderBy('title')
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countSources(db: Db): Promise<number> {
  const row = await db
    .selectFrom('harvest_sources')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export const updateSource = (db: Db, id: string, changes: Partial<HarvestSource>) =>
  db.updateTable('harvest_sources').set(changes).where('id', '=', id).execute();

/** Sources whose next scheduled run is due. */
export const dueSources = (db: Db, at: string) =>
  db
    .selectFrom('harvest_sources')
    .select(['id', 'interval_minutes', 'cron'])
    .where('enabled', '=', 1)
    .where('next_run_at', '<=', at)
    .execute();

/** Starts a run; false when one of the source is already running (the partial unique index). */
export async function insertRun(db: Db, run: HarvestRun): Promise<boolean> {
  try {
    await db.insertInto('harvest_runs').values(run).execute();
    return true;
  } catch (err) {
    const running = await db
      .selectFrom('harvest_runs')
      .select('id')
      .where('source_id', '=', run.source_id)
      .where('status', '=', 'running')
      .executeTakeFirst();
    if (running) return false;
    throw err;
  }
}

export const updateRun = (db: Db, id: string, changes: Partial<HarvestRun>) =>
  db.updateTable('harvest_runs').set(changes).where('id', '=', id).execute();

export const findRun = (db: Db, id: string) =>
  db.selectFrom('harvest_runs').selectAll().where('id', '=', id).executeTakeFirst();

export function listRuns(db: Db, sourceId: string, page: { limit: number; offset: number }) {
  return db
    .selectFrom('harvest_runs')
    .selectAll()
    .where('source_id', '=', sourceId)
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countRuns(db: Db, sourceId: string): Promise<number> {
  const row = await db
    .selectFrom('harvest_runs')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('source_id', '=', sourceId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export const insertItem = (db: Db, item: HarvestItemRow) =>
  db.insertInto('harvest_items').values(item).execute();

export function listItems(db: Db, runId: string, page: { limit: number; offset: number }) {
  return db
    .selectFrom('harvest_items')
    .selectAll()
    .where('run_id', '=', runId)
    .orderBy('created_at')
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export const findHarvested = (db: Db, sourceId: string, identifier: string) =>
  db
    .selectFrom('harvested_datasets')
    .innerJoin('datasets', 'datasets.id', 'harvested_datasets.dataset_id')
    .select([
      'harvested_datasets.dataset_id',
      'harvested_datasets.metadata_hash',
      'harvested_datasets.withdrawn_at',
      'datasets.slug',
      'datasets.state',
    ])
    .where('harvested_datasets.source_id', '=', sourceId)
    .where('harvested_datasets.identifier', '=', identifier)
    .executeTakeFirst();

export const insertHarvested = (db: Db, row: HarvestedDatasetRow) =>
  db.insertInto('harvested_datasets').values(row).execute();

export const updateHarvested = (db: Db, datasetId: string, changes: Partial<HarvestedDatasetRow>) =>
  db.updateTable('harvested_datasets').set(changes).where('dataset_id', '=', datasetId).execute();

/** The datasets of a source not seen since `since` and not yet withdrawn. */
export const unseenSince = (db: Db, sourceId: string, since: string) =>
  db
    .selectFrom('harvested_datasets')
    .innerJoin('datasets', 'datasets.id', 'harvested_datasets.dataset_id')
    .select(['harvested_datasets.dataset_id', 'harvested_datasets.identifier', 'datasets.slug'])
    .where('harvested_datasets.source_id', '=', sourceId)
    .where('harvested_datasets.withdrawn_at', 'is', null)
    .where('harvested_datasets.harvested_at', '<', since)
    .execute();

/**
 * The start of the source's latest run, when that run read the whole source cleanly (succeeded,
 * not cut short, no record failed): what an incremental run may ask the source for changes since.
 */
export async function lastCleanRunStart(db: Db, sourceId: string): Promise<string | null> {
  const last = await db
    .selectFrom('harvest_runs')
    .select(['status', 'truncated', 'failed', 'started_at'])
    .where('source_id', '=', sourceId)
    .where('status', '!=', 'running')
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const clean = last?.status === 'succeeded' && last.truncated === 0 && last.failed === 0;
  if (!clean) return null;
  // A run under other settings (address, filters, licence, loading) read a different catalogue.
  const source = await db
    .selectFrom('harvest_sources')
    .select('settings_changed_at')
    .where('id', '=', sourceId)
    .executeTakeFirst();
  const changed = source?.settings_changed_at;
  return changed && changed > last.started_at ? null : last.started_at;
}
