import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { AppContext } from '../../context.js';
import { claimMetaKey, findMetaValue } from '../../platform/db/meta.repository.js';

// The e-mail-only reporter's way to their data: no account, so no row to hang a link on. The
// link carries its own e-mail address and expiry, sealed with AES-256-GCM under a key kept in
// the database (so every node opens what another sealed, and nobody can forge or read one). A
// link opens once (a rate limit of one use, see personal-data.service.ts) and gives a grant: a
// sealed cookie that lets the browser see and delete that address's data for a while.

const KEY_NAME = 'personal_data_link_key';

export type SealPurpose = 'link' | 'grant';

interface Sealed {
  p: SealPurpose;
  e: string;
  x: number;
}

async function key(ctx: AppContext): Promise<Buffer> {
  await claimMetaKey(ctx.db.kysely, KEY_NAME, randomBytes(32).toString('base64url'));
  const secret = await findMetaValue(ctx.db.kysely, KEY_NAME);
  if (!secret) throw new Error('Could not create the personal data link key');
  return createHash('sha256').update(secret).digest();
}

/** A sealed, expiring statement that whoever holds it reads `email`'s mailbox. */
export async function seal(
  ctx: AppContext,
  purpose: SealPurpose,
  email: string,
  ttlMs: number,
): Promise<string> {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await key(ctx), iv);
  const body: Sealed = { p: purpose, e: email, x: Date.now() + ttlMs };
  const data = Buffer.concat([cipher.update(JSON.stringify(body), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64url');
}

/** The e-mail address a sealed value of this purpose holds, or null (forged, other, expired). */
export async function unseal(
  ctx: AppContext,
  purpose: SealPurpose,
  token: string,
): Promise<string | null> {
  const raw = Buffer.from(token, 'base64url');
  if (raw.length < 29 || raw.length > 2000) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', await key(ctx), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString();
    const body = JSON.parse(text) as Sealed;
    if (body.p !== purpose || typeof body.e !== 'string' || !(body.x > Date.now())) return null;
    return body.e;
  } catch {
    return null;
  }
}

/** The key counting a link's one use (its hash: the rate limits table never holds a secret). */
export const linkUseKey = (token: string) =>
  `my-data-link:${createHash('sha256').update(token).digest('hex')}`;
