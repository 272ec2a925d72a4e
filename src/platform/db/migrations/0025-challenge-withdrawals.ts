import type { Migration } from 'kysely';
import type { AnyDb } from './any-db.js';

/**
 * Challenges (issue 15): an entry its team withdraws before the deadline stays theirs but is
 * neither public nor judged (`withdrawn_at`); a challenge that has entries is cancelled rather
 * than deleted, with a public reason, so the entrants keep their work (`cancelled_at`).
 */
export const challengeWithdrawalsMigration: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('challenge_entries').addColumn('withdrawn_at', 'text').execute();
    await db.schema.alterTable('challenges').addColumn('cancelled_at', 'text').execute();
    await db.schema.alterTable('challenges').addColumn('cancellation_reason', 'text').execute();
  },
  async down(db: AnyDb) {
    await db.schema.alterTable('challenges').dropColumn('cancellation_reason').execute();
    await db.schema.alterTable('challenges').dropColumn('cancelled_at').execute();
    await db.schema.alterTable('challenge_entries').dropColumn('withdrawn_at').execute();
  },
};
