import type { Migration } from 'kysely';
import type { AnyDb } from './any-db.js';

/**
 * Sign-in hardening, kept in the database so every node sees the same counts:
 * - `sign_in_attempts`: failures and the back-off per key (an account, a client address, or an
 *   account at an address it signed in from before), each attempt reserved by one upsert;
 * - `sign_in_addresses`: the addresses each user has signed in from, whose own failures are all
 *   that throttle them;
 * - `sign_in_links`: one-time e-mailed sign-in links, by the SHA-256 of their token.
 */
export const signInMigration: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('sign_in_attempts')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('blocked_until', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('sign_in_addresses')
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('last_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('sign_in_addresses_pk', ['user_id', 'address'])
      .execute();
    await db.schema
      .createTable('sign_in_links')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();
    await db.schema
      .createIndex('sign_in_links_expires_idx')
      .on('sign_in_links')
      .column('expires_at')
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('sign_in_links').ifExists().execute();
    await db.schema.dropTable('sign_in_addresses').ifExists().execute();
    await db.schema.dropTable('sign_in_attempts').ifExists().execute();
  },
};
