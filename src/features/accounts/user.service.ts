import { hash, verify } from '@node-rs/argon2';
import type { AppContext } from '../../context.js';
import type { Role, User } from '../../platform/db/schema.js';
import { conflict, notFound, validationFailed } from '../../platform/http/errors.js';
import { newId, now } from '../../platform/ids.js';
import { findOrganisationBySlug } from '../catalog/organisation.repository.js';
import {
  findUserByEmail,
  insertUser,
  updatePasswordHash,
  upsertMembership,
} from './user.repository.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface NewUserInput {
  email: string;
  name: string;
  password?: string | undefined;
  siteAdmin?: boolean | undefined;
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
  const user: User = {
    id: newId(),
    email,
    name: input.name.trim(),
    password_hash: input.password === undefined ? null : await hash(input.password),
    is_site_admin: input.siteAdmin ? 1 : 0,
    created_at: now(),
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

export async function addMember(
  ctx: AppContext,
  email: string,
  organisationSlug: string,
  role: Role,
): Promise<void> {
  const user = await findUserByEmail(ctx.db.kysely, email);
  if (!user) throw notFound(`User ${email}`);
  const org = await findOrganisationBySlug(ctx.db.kysely, organisationSlug);
  if (!org) throw notFound(`Organisation ${organisationSlug}`);
  await upsertMembership(ctx.db.kysely, {
    user_id: user.id,
    organisation_id: org.id,
    role,
    created_at: now(),
  });
}
