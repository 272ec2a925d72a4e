import type { AppContext } from '../../context.js';
import { diffOf } from '../../platform/activity/diff.js';
import { joinTransaction } from '../../platform/db/transaction.js';
import { conflict, notFound, validationFailed, type FieldError } from '../../platform/errors.js';
import { type Actor, authorise } from '../accounts/index.js';
import { recordChallengeChange } from './challenge-activity.js';
import { readableChallenge } from './challenge-access.js';
import type { EntryPatchInput } from './challenge.schemas.js';
import { assertOpen } from './challenge-status.js';
import { entryView, type EntryView } from './challenge.view.js';
import { findEntryRow, membersOfEntries, updateEntryRow } from './entry.repository.js';
import { visibleEntries } from './entry.service.js';

// The team's lead changes their entry, or withdraws it, until the deadline; from then on the
// entries are what the judges judge, frozen.

/** The entry, if the actor may see it (else 404), and its lead may change it now (else 403/409). */
export async function changeableEntry(
  ctx: AppContext,
  actor: Actor,
  slug: string,
  entryId: string,
  at: Date,
) {
  const challenge = await readableChallenge(ctx, actor, slug);
  const seen = await visibleEntries(ctx, actor, challenge, at);
  const entry = await findEntryRow(ctx.db.kysely, entryId);
  if (entry?.challenge_id !== challenge.id || !seen.entries.some((e) => e.id === entryId)) {
    throw notFound(`Entry ${entryId}`);
  }
  const members = await membersOfEntries(ctx.db.kysely, [entryId]);
  const lead = members.find((m) => m.role === 'lead')?.user_id ?? null;
  authorise(
    actor,
    { type: 'challenge:entry-lead', leadId: lead },
    'Only the team’s lead, who entered it, changes or withdraws an entry',
  );
  assertOpen(challenge, at, 'Entries were frozen');
  if (entry.withdrawn_at !== null) {
    throw conflict('This entry was withdrawn: enter again instead', null, 'withdrawn');
  }
  return { challenge, entry, members };
}

/** Changes an entry's title, description, link or team name, before the deadline. */
export async function updateEntry(
  ctx: AppContext,
  actor: Actor,
  slug: string,
  entryId: string,
  input: EntryPatchInput,
  at: Date = new Date(),
): Promise<EntryView> {
  const { challenge, entry, members } = await changeableEntry(ctx, actor, slug, entryId, at);
  const errors: FieldError[] = [];
  const changes: Partial<Pick<typeof entry, 'title' | 'description' | 'url' | 'team_name'>> = {};
  for (const key of ['title', 'description'] as const) {
    const value = input[key]?.trim();
    if (value === '') errors.push({ field: key, message: `Enter a ${key}` });
    else if (value !== undefined) changes[key] = value;
  }
  if (input.url !== undefined) changes.url = input.url;
  if (input.team_name !== undefined) {
    // A blank team name is no team name.
    const name = input.team_name?.trim() ?? '';
    changes.team_name = name === '' ? null : name;
  }
  if (errors.length > 0) throw validationFailed(errors);
  const before = Object.fromEntries(
    Object.keys(changes).map((k) => [k, entry[k as keyof typeof changes]]),
  );
  const diff = diffOf(before, changes);
  if (Object.keys(diff).length === 0) return entryView(entry, members);
  const stamp = at.toISOString();
  await joinTransaction(ctx.db.kysely, async (trx) => {
    await updateEntryRow(trx, entry.id, { ...changes, updated_at: stamp });
    await recordChallengeChange(
      trx,
      actor,
      'challenge-entry.updated',
      { type: 'challenge-entry', id: entry.id },
      challenge.organisation_id,
      diff,
      stamp,
    );
  });
  return entryView({ ...entry, ...changes, updated_at: stamp }, members);
}

/**
 * Withdraws an entry before the deadline: it stays its team's to see, but is neither public nor
 * judged. It cannot be put back; the team may enter again while the challenge is open.
 */
export async function withdrawEntry(
  ctx: AppContext,
  actor: Actor,
  slug: string,
  entryId: string,
  at: Date = new Date(),
): Promise<EntryView> {
  const { challenge, entry, members } = await changeableEntry(ctx, actor, slug, entryId, at);
  const stamp = at.toISOString();
  await joinTransaction(ctx.db.kysely, async (trx) => {
    await updateEntryRow(trx, entry.id, { withdrawn_at: stamp, updated_at: stamp });
    await recordChallengeChange(
      trx,
      actor,
      'challenge-entry.withdrawn',
      { type: 'challenge-entry', id: entry.id },
      challenge.organisation_id,
      { withdrawn_at: { from: null, to: stamp } },
      stamp,
    );
  });
  return entryView({ ...entry, withdrawn_at: stamp, updated_at: stamp }, members);
}
