import { joinTransaction } from '../../platform/db/transaction.js';
import type { AppContext } from '../../context.js';
import type { Role } from '../../platform/db/schema.js';
import { notFound, validationFailed } from '../../platform/errors.js';
import { now } from '../../platform/ids.js';
import { recordActivity } from '../../platform/activity/record.js';
import type { Actor } from './actor.js';
import {
  deleteMembership,
  listMembersOf,
  updateMembershipRole,
  type MemberRow,
} from './membership.repository.js';
import { authorise } from './policy.js';
import { findUserByEmail, upsertMembership } from './user.repository.js';

export const ROLES: readonly Role[] = ['admin', 'editor', 'member'];

function checkRole(role: string): Role {
  if (!ROLES.includes(role as Role)) {
    throw validationFailed([{ field: 'role', message: `must be one of ${ROLES.join(', ')}` }]);
  }
  return role as Role;
}

/** The organisation whose members are managed; the organisations feature looks it up. */
export interface MembersOf {
  id: string;
  name: string;
}

/** Only the organisation's admins and site admins manage its members. */
function authoriseMembers(actor: Actor, org: MembersOf): void {
  authorise(
    actor,
    { type: 'organisation:manage-members', organisationId: org.id },
    `Only administrators of ${org.name} can manage its members`,
  );
}

export async function listMembers(ctx: AppContext, actor: Actor, org: MembersOf) {
  authoriseMembers(actor, org);
  return listMembersOf(ctx.db.kysely, org.id);
}

async function record(
  k: AppContext['db']['kysely'],
  actor: Actor,
  org: MembersOf,
  userId: string,
  action: string,
  role: { from: Role | null; to: Role | null },
): Promise<void> {
  await recordActivity(k, actor, {
    action,
    subject: { type: 'membership', id: userId },
    organisationId: org.id,
    diff: { role },
    at: now(),
  });
}

/** An organisation keeps at least one admin, so someone can always manage it. */
function checkNotLastAdmin(members: MemberRow[], target: MemberRow): void {
  if (target.role !== 'admin') return;
  if (members.filter((m) => m.role === 'admin').length > 1) return;
  throw validationFailed([
    { field: 'role', message: 'the organisation needs at least one other admin first' },
  ]);
}

async function memberOrFail(ctx: AppContext, org: MembersOf, userId: string) {
  const members = await listMembersOf(ctx.db.kysely, org.id);
  const target = members.find((m) => m.user_id === userId);
  if (!target) throw notFound('Member');
  return { members, target };
}

/** Adds someone who already has an account (accounts are made with `metrodata user create`). */
export async function addMemberByEmail(
  ctx: AppContext,
  actor: Actor,
  org: MembersOf,
  input: { email: string; role: string },
): Promise<void> {
  authoriseMembers(actor, org);
  const email = input.email.trim().toLowerCase();
  if (!email) throw validationFailed([{ field: 'email', message: 'is required' }]);
  const role = checkRole(input.role);
  const user = await findUserByEmail(ctx.db.kysely, email);
  if (!user) throw validationFailed([{ field: 'email', message: 'has no account here' }]);
  const members = await listMembersOf(ctx.db.kysely, org.id);
  if (members.some((m) => m.user_id === user.id)) {
    throw validationFailed([{ field: 'email', message: 'is already a member' }]);
  }
  await joinTransaction(ctx.db.kysely, async (trx) => {
    await upsertMembership(trx, {
      user_id: user.id,
      organisation_id: org.id,
      role,
      created_at: now(),
    });
    await record(trx, actor, org, user.id, 'membership.added', { from: null, to: role });
  });
}

export async function changeMemberRole(
  ctx: AppContext,
  actor: Actor,
  org: MembersOf,
  userId: string,
  newRole: string,
): Promise<void> {
  authoriseMembers(actor, org);
  const role = checkRole(newRole);
  const { members, target } = await memberOrFail(ctx, org, userId);
  if (target.role === role) return;
  checkNotLastAdmin(members, target);
  await joinTransaction(ctx.db.kysely, async (trx) => {
    await updateMembershipRole(trx, org.id, userId, role);
    await record(trx, actor, org, userId, 'membership.changed', { from: target.role, to: role });
  });
}

export async function removeMember(
  ctx: AppContext,
  actor: Actor,
  org: MembersOf,
  userId: string,
): Promise<void> {
  authoriseMembers(actor, org);
  const { members, target } = await memberOrFail(ctx, org, userId);
  checkNotLastAdmin(members, target);
  await joinTransaction(ctx.db.kysely, async (trx) => {
    await deleteMembership(trx, org.id, userId);
    await record(trx, actor, org, userId, 'membership.removed', { from: target.role, to: null });
  });
}
