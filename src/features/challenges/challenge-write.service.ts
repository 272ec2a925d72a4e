import type { AppContext } from '../../context.js';
import { diffOf } from '../../platform/activity/diff.js';
import { newSlug } from '../../platform/db/slug.repository.js';
import type { ChallengeRow } from '../../platform/db/schema.js';
import { joinTransaction } from '../../platform/db/transaction.js';
import { conflict, validationFailed, type FieldError } from '../../platform/errors.js';
import { newId, now } from '../../platform/ids.js';
import { type Actor, authorise } from '../accounts/index.js';
import { missingDatasetsError, publicDatasetsNamed, slugify } from '../catalog/index.js';
import { findOrganisation } from '../organisations/index.js';
import { findPromise } from '../promises/index.js';
import { recordChallengeChange } from './challenge-activity.js';
import { manageableChallenge } from './challenge-access.js';
import {
  challengeDatasetIds,
  findChallengeBySlug,
  insertChallenge,
  replaceChallengeDatasets,
  updateChallenge,
} from './challenge.repository.js';
import type { ChallengeCreateInput, ChallengePatchInput } from './challenge.schemas.js';
import { challengeDetail } from './challenge.service.js';

const blankToNull = (v: string | null | undefined): string | null => {
  const t = v?.trim() ?? '';
  return t === '' ? null : t;
};

type Fields = Pick<
  ChallengeRow,
  'title' | 'problem' | 'criteria' | 'prize' | 'deadline' | 'state' | 'promise_id'
>;

/** The input as columns, checking what a schema cannot: known datasets, promise, dates. */
async function columnsOf(ctx: AppContext, input: ChallengePatchInput) {
  const errors: FieldError[] = [];
  const out: Partial<Fields> = {};
  for (const key of ['title', 'problem', 'criteria'] as const) {
    const value = input[key]?.trim();
    if (value === '') errors.push({ field: key, message: 'must not be blank' });
    else if (value !== undefined) out[key] = value;
  }
  // A blank prize is no prize.
  if (input.prize !== undefined) out.prize = blankToNull(input.prize);
  if (input.deadline !== undefined) out.deadline = new Date(input.deadline).toISOString();
  if (input.state !== undefined) out.state = input.state;
  if (input.promise !== undefined) {
    const promise = input.promise === null ? null : await findPromise(ctx, input.promise);
    if (input.promise !== null && !promise) {
      errors.push({ field: 'promise', message: `no promise ${input.promise}` });
    }
    out.promise_id = promise?.id ?? null;
  }
  let datasetIds: string[] | undefined;
  if (input.datasets !== undefined) {
    const { found, missing } = await publicDatasetsNamed(ctx, input.datasets);
    if (missing.length > 0) errors.push(missingDatasetsError(missing));
    datasetIds = found.map((d) => d.id);
  }
  if (errors.length > 0) throw validationFailed(errors);
  return { columns: out, datasetIds };
}

export async function createChallenge(ctx: AppContext, actor: Actor, input: ChallengeCreateInput) {
  const org = await findOrganisation(ctx, input.organisation);
  if (!org) {
    throw validationFailed([
      { field: 'organisation', message: `no organisation ${input.organisation}` },
    ]);
  }
  authorise(
    actor,
    { type: 'challenge:manage', organisationId: org.id },
    `Only editors of ${org.name} and site admins publish its challenges`,
  );
  const { columns, datasetIds } = await columnsOf(ctx, { state: 'draft', ...input });
  const slug = await newSlug(ctx.db.kysely, 'challenges', input.slug, slugify(input.title));
  const at = now();
  const row = {
    title: input.title,
    problem: input.problem,
    criteria: input.criteria,
    prize: null,
    deadline: input.deadline,
    state: 'draft' as const,
    promise_id: null,
    ...columns,
    id: newId(),
    slug,
    organisation_id: org.id,
    outcome: null,
    decided_at: null,
    created_by: actor.user?.id ?? null,
    created_at: at,
    updated_at: at,
  };
  await joinTransaction(ctx.db.kysely, async (trx) => {
    await insertChallenge(trx, row);
    await replaceChallengeDatasets(trx, row.id, datasetIds ?? []);
    const diff = diffOf({}, { ...columns, slug, datasets: input.datasets ?? [] });
    await recordChallengeChange(
      trx,
      actor,
      'challenge.created',
      { type: 'challenge', id: row.id },
      org.id,
      diff,
      at,
    );
  });
  const saved = await findChallengeBySlug(ctx.db.kysely, slug);
  if (!saved) throw new Error(`Challenge ${slug} vanished`);
  return challengeDetail(ctx, actor, saved);
}

export async function patchChallenge(
  ctx: AppContext,
  actor: Actor,
  slug: string,
  input: ChallengePatchInput,
) {
  const before = await manageableChallenge(ctx, actor, slug);
  if (before.cancelled_at !== null) {
    throw conflict('This challenge was cancelled: it can no longer be changed', null, 'cancelled');
  }
  const { columns, datasetIds } = await columnsOf(ctx, input);
  const k = ctx.db.kysely;
  const oldIds = datasetIds ? await challengeDatasetIds(k, before.id) : undefined;
  const diff = diffOf(
    Object.fromEntries(Object.keys(columns).map((c) => [c, before[c as keyof Fields]])),
    columns,
  );
  if (datasetIds && oldIds?.join() !== datasetIds.join()) {
    diff.datasets = { from: oldIds, to: datasetIds };
  }
  if (Object.keys(diff).length > 0) {
    const at = now();
    await joinTransaction(k, async (trx) => {
      await updateChallenge(trx, before.id, { ...columns, updated_at: at });
      if (datasetIds) await replaceChallengeDatasets(trx, before.id, datasetIds);
      await recordChallengeChange(
        trx,
        actor,
        'challenge.updated',
        { type: 'challenge', id: before.id },
        before.organisation_id,
        diff,
        at,
      );
    });
  }
  const after = await findChallengeBySlug(k, slug);
  if (!after) throw new Error(`Challenge ${slug} vanished`);
  return challengeDetail(ctx, actor, after);
}
