import type { Kysely } from 'kysely';
import type { ApiToken, Database } from '../../platform/db/schema.js';

export async function insertToken(db: Kysely<Database>, token: ApiToken): Promise<void> {
  await db.insertInto('api_tokens').values(token).execute();
}

export function findTokenByHash(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<ApiToken | undefined> {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export function listTokensOfUser(db: Kysely<Database>, userId: string): Promise<ApiToken[]> {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function markTokenRevoked(
  db: Kysely<Database>,
  id: string,
  at: string,
): Promise<number> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function touchToken(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

export function findTokenById(db: Kysely<Database>, id: string): Promise<ApiToken | undefined> {
  return db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
}
