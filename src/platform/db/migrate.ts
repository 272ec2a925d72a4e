import { Migrator, type Migration, type MigrationResultSet } from 'kysely';
import type { Db } from './connect.js';
import { catalogueMigration } from './migrations/0001-catalogue.js';

function migrations(db: Db): Record<string, Migration> {
  return { '0001-catalogue': catalogueMigration(db.dialect) };
}

function migrator(db: Db): Migrator {
  return new Migrator({
    db: db.kysely,
    // Kysely looks for its bookkeeping tables in every schema unless told which one; another
    // schema's copy (a test run, another app) would otherwise be mistaken for ours.
    ...(db.schema ? { migrationTableSchema: db.schema } : {}),
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
  return unwrap(await migrator(db).migrateToLatest());
}

/** Reverts the latest migration; returns its name. */
export async function migrateDown(db: Db): Promise<string[]> {
  return unwrap(await migrator(db).migrateDown());
}
