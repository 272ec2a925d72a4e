import { Migrator, sql, type Migration, type MigrationResultSet } from 'kysely';
import type { Db } from './connect.js';
import { catalogueMigration } from './migrations/0001-catalogue.js';
import { datastoreMigration } from './migrations/0002-datastore.js';
import { searchIndexesMigration } from './migrations/0003-search-indexes.js';
import { sessionsMigration } from './migrations/0004-sessions.js';
import { datasetViewsMigration } from './migrations/0005-dataset-views.js';
import { promisesMigration } from './migrations/0007-promises.js';
import { indicatorsMigration } from './migrations/0006-indicators.js';
import { blobGarbageMigration } from './migrations/0008-blob-garbage.js';
import { signInMigration } from './migrations/0009-sign-in.js';
import { versionRowIdsMigration } from './migrations/0010-version-row-ids.js';
import { postcodesMigration } from './migrations/0011-postcodes.js';
import { wardsMigration } from './migrations/0012-wards.js';
import { reportsMigration } from './migrations/0013-reports.js';
import { harvestMigration } from './migrations/0014-harvest.js';
import { searchChangesMigration } from './migrations/0015-search-changes.js';
import { rollupsMigration } from './migrations/0016-rollups.js';
import { harvestFilesMigration } from './migrations/0017-harvest-files.js';
import { harvestCronMigration } from './migrations/0018-harvest-cron.js';
import { dataRequestsMigration } from './migrations/0019-data-requests.js';
import { showcasesMigration } from './migrations/0020-showcases.js';
import { challengesMigration } from './migrations/0021-challenges.js';
import { qualityMigration } from './migrations/0022-quality.js';
import { qualityRequestsMigration } from './migrations/0023-quality-requests.js';
import { loadJobsMigration } from './migrations/0024-load-jobs.js';
import { challengeWithdrawalsMigration } from './migrations/0025-challenge-withdrawals.js';
import { datasetRatingsMigration } from './migrations/0026-dataset-ratings.js';
import { datastoreDownloadsMigration } from './migrations/0027-datastore-downloads.js';

function migrations(db: Db): Record<string, Migration> {
  return {
    '0001-catalogue': catalogueMigration(db.dialect),
    '0002-datastore': datastoreMigration,
    '0003-search-indexes': searchIndexesMigration(db.dialect),
    '0004-sessions': sessionsMigration,
    '0005-dataset-views': datasetViewsMigration,
    '0007-promises': promisesMigration,
    '0006-indicators': indicatorsMigration,
    '0008-blob-garbage': blobGarbageMigration,
    '0009-sign-in': signInMigration,
    '0010-version-row-ids': versionRowIdsMigration,
    '0011-postcodes': postcodesMigration,
    '0012-wards': wardsMigration,
    '0013-reports': reportsMigration,
    '0014-harvest': harvestMigration,
    '0015-search-changes': searchChangesMigration(db.dialect),
    '0016-rollups': rollupsMigration,
    '0017-harvest-files': harvestFilesMigration,
    '0018-harvest-cron': harvestCronMigration,
    '0019-data-requests': dataRequestsMigration,
    '0020-showcases': showcasesMigration,
    '0021-challenges': challengesMigration,
    '0022-quality': qualityMigration,
    '0023-quality-requests': qualityRequestsMigration,
    '0024-load-jobs': loadJobsMigration,
    '0025-challenge-withdrawals': challengeWithdrawalsMigration,
    '0026-dataset-ratings': datasetRatingsMigration(db.dialect),
    '0027-datastore-downloads': datastoreDownloadsMigration,
  };
}

function migrator(db: Db): Migrator {
  return new Migrator({
    db: db.kysely,
    // Kysely looks for its bookkeeping tables in every schema unless told which one; another
    // schema's copy (a test run, another app) would otherwise be mistaken for ours.
    ...(db.schema ? { migrationTableSchema: db.schema } : {}),
    // 0005 landed before 0004 (parallel work); a database migrated in between still takes 0004.
    allowUnorderedMigrations: true,
    provider: { getMigrations: () => Promise.resolve(migrations(db)) },
  });
}

function unwrap(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const message =
      result.error instanceof Error ? result.error.message : JSON.stringify(result.error);
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${message}`);
  }
  return (result.results ?? []).map((r) => r.migrationName);
}

/** Applies every pending migration; returns the names applied. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const applied = unwrap(await migrator(db).migrateToLatest());
  // SQLite has no autovacuum to gather planner statistics, and without them it picks slow plans
  // for joins on the catalogue; this analyses (with bounded effort) only tables that have rows
  // and no or outdated statistics. PostgreSQL's autovacuum does this itself, and analysing a
  // fresh install there would record empty tables that the planner then believes stay empty.
  if (db.dialect === 'sqlite') await sql`PRAGMA optimize=0x10002`.execute(db.kysely);
  return applied;
}

/**
 * The migrations this code knows that the database has not applied (for /readyz): none once a
 * node has started, but some if the database was restored from an older backup under it.
 */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const table = sql.table(db.schema ? `${db.schema}.kysely_migration` : 'kysely_migration');
  const { rows } = await sql<{ name: string }>`select name from ${table}`.execute(db.kysely);
  const applied = new Set(rows.map((r) => r.name));
  return Object.keys(migrations(db)).filter((name) => !applied.has(name));
}

/** Reverts the latest migration; returns its name. */
export async function migrateDown(db: Db): Promise<string[]> {
  return unwrap(await migrator(db).migrateDown());
}
