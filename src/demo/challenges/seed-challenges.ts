import type { AppContext } from '../../context.js';
import {
  anonymous,
  type Actor,
  actorForUser,
  createUser,
  findUser,
  SESSION_SCOPES,
} from '../../features/accounts/index.js';
import { readableDatasetRecord } from '../../features/catalog/index.js';
import {
  acceptEntryInvitation,
  challengeExists,
  createChallenge,
  createEntry,
  markWinners,
  writeOutcome,
} from '../../features/challenges/index.js';
import { findPromise, addDays, currentTerm, todayIso } from '../../features/promises/index.js';
import {
  DEMO_CHALLENGES,
  DEMO_ENTRANTS,
  OPEN_FOR_DAYS,
  SYNTHETIC_NOTE,
  type DemoChallenge,
} from './demo-challenges.js';

const FIVE_PM = 'T17:00:00.000Z';

async function entrants(ctx: AppContext): Promise<Actor[]> {
  const out: Actor[] = [];
  for (const e of DEMO_ENTRANTS) {
    const user = (await findUser(ctx, e.email)) ?? (await createUser(ctx, e));
    out.push(await actorForUser(ctx, user.id, SESSION_SCOPES));
  }
  return out;
}

const dayBefore = (deadline: string, days: number) =>
  new Date(Date.parse(deadline) - days * 86_400_000);

async function seedOne(
  ctx: AppContext,
  actor: Actor,
  people: Actor[],
  c: DemoChallenge,
  deadline: string,
): Promise<void> {
  // Only datasets the public can read are offered (one the demo could not load is left out).
  const datasets: string[] = [];
  for (const slug of c.datasets) {
    const found = await readableDatasetRecord(ctx, anonymous, slug).catch(() => null);
    if (found) datasets.push(slug);
  }
  const promise = c.promise !== null && (await findPromise(ctx, c.promise)) ? c.promise : null;
  await createChallenge(ctx, actor, {
    organisation: 'gmca',
    slug: c.slug,
    title: c.title,
    problem: c.problem + SYNTHETIC_NOTE,
    criteria: c.criteria,
    prize: c.prize,
    deadline,
    datasets,
    promise,
    state: 'published',
  });
  const awards = { winners: [] as string[], commended: [] as string[] };
  for (const e of c.entries) {
    const [lead, ...members] = e.team.map((i) => people[i]).filter((p) => p !== undefined);
    if (!lead) continue;
    const saved = await createEntry(
      ctx,
      lead,
      c.slug,
      {
        title: e.title,
        description: e.description,
        url: e.url,
        team_name: e.team_name,
        members: members.map((m) => m.user?.email ?? ''),
      },
      dayBefore(deadline, e.daysBefore),
    );
    for (const m of members) await acceptEntryInvitation(ctx, m, c.slug, saved.id);
    if (e.award === 'winner') awards.winners.push(saved.id);
    if (e.award === 'commended') awards.commended.push(saved.id);
  }
  if (awards.winners.length > 0) await markWinners(ctx, actor, c.slug, awards);
  if (c.outcome !== null) await writeOutcome(ctx, actor, c.slug, c.outcome);
}

/**
 * The mayor's office's challenges: a decided one from early in the term (fixed dates from the
 * term start) and the open digital-inclusion challenge linked to the broadband promise, each
 * with synthetic entries made through the real services. Adds only challenges missing by slug.
 */
export async function seedChallenges(ctx: AppContext, actor: Actor): Promise<number> {
  const { start } = await currentTerm(ctx);
  if (!start) return 0;
  const people = await entrants(ctx);
  let created = 0;
  for (const c of DEMO_CHALLENGES) {
    if (await challengeExists(ctx, c.slug)) continue;
    const day =
      c.deadlineDay === null ? addDays(todayIso(), OPEN_FOR_DAYS) : addDays(start, c.deadlineDay);
    await seedOne(ctx, actor, people, c, `${day}${FIVE_PM}`);
    created++;
  }
  return created;
}
