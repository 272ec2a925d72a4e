import type { Migration } from 'kysely';
import type { AnyDb } from './any-db.js';

/**
 * Challenges: an organisation's problem with the datasets it offers, a deadline and the entries
 * people make to it, alone or as a team. A challenge's status is derived from its dates (open,
 * judging, decided), so only `state` (draft | published) and `decided_at` are stored.
 */
export const challengesMigration: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('challenges')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('problem', 'text', (c) => c.notNull())
      .addColumn('criteria', 'text', (c) => c.notNull())
      .addColumn('prize', 'text')
      .addColumn('deadline', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('promise_id', 'text', (c) => c.references('promises.id').onDelete('set null'))
      .addColumn('outcome', 'text')
      .addColumn('decided_at', 'text')
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('challenges_deadline_idx')
      .on('challenges')
      .column('deadline')
      .execute();
    await db.schema
      .createIndex('challenges_promise_idx')
      .on('challenges')
      .column('promise_id')
      .execute();
    await db.schema
      .createTable('challenge_datasets')
      .addColumn('challenge_id', 'text', (c) =>
        c.notNull().references('challenges.id').onDelete('cascade'),
      )
      .addColumn('dataset_id', 'text', (c) =>
        c.notNull().references('datasets.id').onDelete('cascade'),
      )
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('challenge_datasets_pk', ['challenge_id', 'dataset_id'])
      .execute();
    await db.schema
      .createTable('challenge_entries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('challenge_id', 'text', (c) =>
        c.notNull().references('challenges.id').onDelete('cascade'),
      )
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('team_name', 'text')
      .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      // null, 'winner' or 'commended', set when the organisation judges.
      .addColumn('award', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('challenge_entries_challenge_idx')
      .on('challenge_entries')
      .columns(['challenge_id', 'created_at'])
      .execute();
    // The team: its lead (who entered) and those invited by email address; an invited person
    // who signs in with that address accepts, which sets user_id and accepted_at.
    await db.schema
      .createTable('challenge_entry_members')
      .addColumn('entry_id', 'text', (c) =>
        c.notNull().references('challenge_entries.id').onDelete('cascade'),
      )
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('invited_at', 'text', (c) => c.notNull())
      .addColumn('accepted_at', 'text')
      .addPrimaryKeyConstraint('challenge_entry_members_pk', ['entry_id', 'email'])
      .execute();
    await db.schema
      .createIndex('challenge_entry_members_email_idx')
      .on('challenge_entry_members')
      .column('email')
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('challenge_entry_members').execute();
    await db.schema.dropTable('challenge_entries').execute();
    await db.schema.dropTable('challenge_datasets').execute();
    await db.schema.dropTable('challenges').execute();
  },
};
