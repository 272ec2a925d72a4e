import type { AppContext } from '../../context.js';
import { joinTransaction } from '../../platform/db/transaction.js';
import { forbidden, notFound, validationFailed } from '../../platform/errors.js';
import { newId, now } from '../../platform/ids.js';
import { type Actor, authorise } from '../accounts/index.js';
import { recordChallengeChange } from './challenge-activity.js';
import { mailInvitations } from './invitation-mail.js';
import { canSeeUnpublished, readableChallenge } from './challenge-access.js';
import type { ChallengeWithOrg } from './challenge.repository.js';
import type { EntryCreateInput } from './challenge.schemas.js';
import { assertOpen, deadlinePassed } from './challenge-status.js';
import { byAward, entryView, type EntryView } from './challenge.view.js';
import {
  acceptInvitation,
  findEntryRow,
  insertEntry,
  listEntryRows,
  membersOfEntries,
  pendingInvitations,
} from './entry.repository.js';

const emailOf = (actor: Actor) => actor.user?.email.toLowerCase() ?? null;

/** Whether entries are public: once a published challenge's deadline has passed, unless cancelled. */
export const entriesPublic = (challenge: ChallengeWithOrg, at: Date): boolean =>
  challenge.state === 'published' &&
  challenge.cancelled_at === null &&
  deadlinePassed(challenge, at);

/**
 * The entries the actor may see: all of them once the deadline has passed (or to the
 * organisation that judges); before it, or once the challenge is cancelled, only those of the
 * actor's own team (as lead, member or invited). A withdrawn entry is its team's alone. `total`
 * counts every entry not withdrawn, which tells no one what they are; `led` holds the ids of
 * those the actor leads (who may change or withdraw them).
 */
export async function visibleEntries(
  ctx: AppContext,
  actor: Actor,
  challenge: ChallengeWithOrg,
  at: Date,
): Promise<{ public: boolean; total: number; entries: EntryView[]; led: Set<string> }> {
  const k = ctx.db.kysely;
  const rows = await listEntryRows(k, challenge.id);
  const members = await membersOfEntries(
    k,
    rows.map((r) => r.id),
  );
  const me = actor.user;
  const email = emailOf(actor);
  const mine = new Set(
    members
      .filter((m) => me !== null && (m.user_id === me.id || m.email === email))
      .map((m) => m.entry_id),
  );
  const led = new Set(
    members
      .filter((m) => me !== null && m.role === 'lead' && m.user_id === me.id)
      .map((m) => m.entry_id),
  );
  const isPublic = entriesPublic(challenge, at);
  const all = isPublic || canSeeUnpublished(actor, challenge);
  const shown = rows.filter((r) => mine.has(r.id) || (all && r.withdrawn_at === null));
  const entries = shown.map((r) => entryView(r, members));
  const total = rows.filter((r) => r.withdrawn_at === null).length;
  return { public: isPublic, total, entries: entries.sort(byAward), led };
}

export async function listEntries(ctx: AppContext, actor: Actor, slug: string) {
  const challenge = await readableChallenge(ctx, actor, slug);
  return visibleEntries(ctx, actor, challenge, new Date());
}

/** Enters a challenge while it is open, with the entrant as the team's lead. */
export async function createEntry(
  ctx: AppContext,
  actor: Actor,
  slug: string,
  input: EntryCreateInput,
  at: Date = new Date(),
): Promise<EntryView> {
  authorise(actor, { type: 'challenge:enter' }, 'Sign in to enter a challenge');
  const challenge = await readableChallenge(ctx, actor, slug);
  assertOpen(challenge, at, 'Entries closed');
  const lead = emailOf(actor) ?? '';
  const invited = (input.members ?? []).map((e) => e.trim().toLowerCase());
  const errors = [];
  if (input.title.trim() === '') errors.push({ field: 'title', message: 'Enter a title' });
  if (input.description.trim() === '') {
    errors.push({ field: 'description', message: 'Enter a description' });
  }
  if (invited.includes(lead)) {
    errors.push({ field: 'members', message: 'You are in the team already; invite others' });
  }
  if (errors.length > 0) throw validationFailed(errors);
  const id = newId();
  const stamp = at.toISOString();
  const entry = {
    id,
    challenge_id: challenge.id,
    title: input.title.trim(),
    description: input.description.trim(),
    url: input.url,
    team_name: input.team_name?.trim() ? input.team_name.trim() : null,
    created_by: actor.user?.id ?? null,
    award: null,
    withdrawn_at: null,
    created_at: stamp,
    updated_at: stamp,
  };
  const members = [
    { entry_id: id, email: lead, user_id: actor.user?.id ?? null, role: 'lead' as const },
    ...invited.map((email) => ({ entry_id: id, email, user_id: null, role: 'member' as const })),
  ].map((m) => ({ ...m, invited_at: stamp, accepted_at: m.role === 'lead' ? stamp : null }));
  await joinTransaction(ctx.db.kysely, async (trx) => {
    await insertEntry(trx, entry, members);
    const diff = { title: { from: null, to: entry.title }, challenge: { from: null, to: slug } };
    await recordChallengeChange(
      trx,
      actor,
      'challenge-entry.created',
      { type: 'challenge-entry', id },
      challenge.organisation_id,
      diff,
      stamp,
    );
  });
  await mailInvitations(ctx, invited, {
    challenge: { slug: challenge.slug, title: challenge.title },
    entryTitle: entry.title,
    teamName: entry.team_name,
    invitedBy: actor.user?.name ?? 'Someone',
  });
  const rows = await membersOfEntries(ctx.db.kysely, [id]);
  return entryView(entry, rows);
}

/** The invitations waiting for the signed-in person's address. */
export async function myInvitations(ctx: AppContext, actor: Actor) {
  authorise(actor, { type: 'challenge:enter' }, 'Sign in to see your invitations');
  // An address not yet proved could be anyone's: its invitations wait until it is.
  if (actor.user?.emailVerified !== true) return [];
  const rows = await pendingInvitations(ctx.db.kysely, emailOf(actor) ?? '');
  const base = ctx.config.baseUrl;
  return rows.map((r) => ({
    entry_id: r.entry_id,
    entry_title: r.entry_title,
    team_name: r.team_name,
    challenge: {
      slug: r.challenge_slug,
      title: r.challenge_title,
      url: `${base}/challenges/${encodeURIComponent(r.challenge_slug)}`,
    },
    invited_at: r.invited_at,
    accept_url: `${base}/api/v1/challenges/${encodeURIComponent(r.challenge_slug)}/entries/${r.entry_id}/accept`,
  }));
}

/** Accepts an invitation sent to the signed-in person's address: they join the team. */
export async function acceptEntryInvitation(
  ctx: AppContext,
  actor: Actor,
  slug: string,
  entryId: string,
): Promise<EntryView> {
  authorise(actor, { type: 'challenge:enter' }, 'Sign in to accept an invitation');
  if (actor.user?.emailVerified !== true) {
    throw forbidden('Confirm your e-mail address first: the invitation was sent to it');
  }
  const challenge = await readableChallenge(ctx, actor, slug);
  const entry = await findEntryRow(ctx.db.kysely, entryId);
  if (entry?.challenge_id !== challenge.id) throw notFound(`Entry ${entryId}`);
  const email = emailOf(actor) ?? '';
  const at = now();
  const accepted = await joinTransaction(ctx.db.kysely, async (trx) => {
    const done = await acceptInvitation(trx, entryId, email, actor.user?.id ?? '', at);
    if (done) {
      const diff = { member: { from: null, to: actor.user?.id ?? null } };
      await recordChallengeChange(
        trx,
        actor,
        'challenge-entry.member-joined',
        { type: 'challenge-entry', id: entryId },
        challenge.organisation_id,
        diff,
        at,
      );
    }
    return done;
  });
  // No waiting invitation for this address: as if the entry did not exist for them.
  if (!accepted) throw notFound(`An invitation to entry ${entryId} for ${email}`);
  return entryView(entry, await membersOfEntries(ctx.db.kysely, [entryId]));
}
