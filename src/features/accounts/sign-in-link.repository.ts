import type { Kysely } from 'kysely';
import type { Database, SignInLink } from '../../platform/db/schema.js';

export async function insertSignInLink(db: Kysely<Database>, link: SignInLink): Promise<void> {
  await db.insertInto('sign_in_links').values(link).execute();
}

/** Whether a link could still sign in (for its page; using it is `useSignInLinkRow`). */
export async function isUsableLink(db: Kysely<Database>, id: string, at: string): Promise<boolean> {
  const row = await db
    .selectFrom('sign_in_links')
    .select('id')
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Marks a link used and returns its user, in one statement, so two requests with one link
 * cannot both sign in. Null when it is unknown, used or expired.
 */
export async function useSignInLinkRow(
  db: Kysely<Database>,
  id: string,
  at: string,
): Promise<string | null> {
  const row = await db
    .updateTable('sign_in_links')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', at)
    .returning('user_id')
    .executeTakeFirst();
  return row?.user_id ?? null;
}

export async function deleteExpiredLinks(db: Kysely<Database>, at: string): Promise<void> {
  await db.deleteFrom('sign_in_links').where('expires_at', '<=', at).execute();
}
