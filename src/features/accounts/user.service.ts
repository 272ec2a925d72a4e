import { hash, verify } from '@node-rs/argon2';
import type { AppContext } from '../../context.js';
import type { Role, User } from '../../platform/db/schema.js';
import { conflict, notFound, validationFailed } from '../../platform/errors.js';
import { newId, now } from '../../platform/ids.js';
import { SESSION_SCOPES, type Actor } from './actor.js';
import { actorForUser } from './token.service.js';
import {
  findUserByEmail,
  findUserById,
  insertUser,
  listSignInAdmins,
  updatePasswordHash,
  upsertMembership,
} from './user.repository.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface NewUserInput {
  email: string;
  name: string;
  password?: string | undefined;
  siteAdmin?: boolean | undefined;
  /** false for a resident signing up, until their link proves the mailbox; operators' are. */
  verified?: boolean | undefined;
}

export async function createUser(ctx: AppContext, input: NewUserInput): Promise<User> {
  const email = input.email.trim().toLowerCase();
  if (!EMAIL.test(email))
    throw validationFailed([{ field: 'email', message: 'is not an e-mail address' }]);
  if (!input.name.trim()) throw validationFailed([{ field: 'name', message: 'is required' }]);
  if (input.password !== undefined && input.password.length < 12) {
    throw validationFailed([{ field: 'password', message: 'must be at least 12 characters' }]);
  }
  if (await findUserByEmail(ctx.db.kysely, email))
    throw conflict(`A user with e-mail ${email} exists`);
  const at = now();
  const user: User = {
    id: newId(),
    email,
    name: input.name.trim(),
    password_hash: input.password === undefined ? null : await hash(input.password),
    is_site_admin: input.siteAdmin ? 1 : 0,
    created_at: at,
    email_verified_at: input.verified === false ? null : at,
  };
  await insertUser(ctx.db.kysely, user);
  return user;
}

/** Sets (or resets) a user's sign-in password; sessions already open stay open. */
export async function setPassword(ctx: AppContext, email: string, password: string): Promise<void> {
  const user = await findUserByEmail(ctx.db.kysely, email);
  if (!user) throw notFound(`User ${email}`);
  if (password.length < 12) {
    throw validationFailed([{ field: 'password', message: 'must be at least 12 characters' }]);
  }
  await updatePasswordHash(ctx.db.kysely, user.id, await hash(password));
}

export async function verifyPassword(user: User, password: string): Promise<boolean> {
  if (!user.password_hash) return false;
  return verify(user.password_hash, password);
}

/** Gives a user a role in an organisation (the operator's command line; no policy check). */
export async function addMember(
  ctx: AppContext,
  email: string,
  organisationId: string,
  role: Role,
): Promise<void> {
  const user = await findUserByEmail(ctx.db.kysely, email);
  if (!user) throw notFound(`User ${email}`);
  await upsertMembership(ctx.db.kysely, {
    user_id: user.id,
    organisation_id: organisationId,
    role,
    created_at: now(),
  });
}

/** A user by e-mail address, if there is one. */
export function findUser(ctx: AppContext, email: string): Promise<User | undefined> {
  return findUserByEmail(ctx.db.kysely, email);
}

/** The names of these users (who loaded a version, say), by id; unknown ids are left out. */
export async function userNames(ctx: AppContext, ids: string[]): Promise<Map<string, string>> {
  const users = await Promise.all([...new Set(ids)].map((id) => findUserById(ctx.db.kysely, id)));
  return new Map(users.flatMap((u) => (u ? [[u.id, u.name] as const] : [])));
}

/**
 * The user a command-line action (an import, say) acts as: the one named, or else the only site administrator. Acting as
 * someone (rather than bypassing the policy) means the import is authorised and logged like an
 * upload through the API.
 */
export async function operatorActor(ctx: AppContext, email: string | undefined): Promise<Actor> {
  let userId: string;
  if (email) {
    const user = await findUserByEmail(ctx.db.kysely, email);
    if (!user) throw notFound(`User ${email}`);
    userId = user.id;
  } else {
    const admins = await listSignInAdmins(ctx.db.kysely, 2);
    const only = admins.length === 1 ? admins[0] : undefined;
    if (!only) {
      throw validationFailed([
        {
          field: 'as',
          message: `say who acts with --as <email> (there are ${admins.length === 0 ? 'no' : 'several'} site administrators)`,
        },
      ]);
    }
    userId = only.id;
  }
  return actorForUser(ctx, userId, SESSION_SCOPES);
}
