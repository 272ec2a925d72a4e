import { joinTransaction } from '../../platform/db/transaction.js';
import type { AppContext } from '../../context.js';
import type { PromiseRow } from '../../platform/db/schema.js';
import { newSlug } from '../../platform/db/slug.repository.js';
import { validationFailed, type FieldError } from '../../platform/errors.js';
import { newId, now } from '../../platform/ids.js';
import type { Actor } from '../accounts/index.js';
import { slugify, themeTitlesBySlug } from '../catalog/index.js';
import { diffOf } from '../../platform/activity/diff.js';
import { findOrganisation } from '../organisations/index.js';
import { recordPromiseChange } from './promise-activity.js';
import { authorisePromiseEdit, editablePromise } from './promise-access.js';
import { findPromiseBySlug, insertPromise, updatePromise } from './promise.repository.js';
import type { DeadlineInput, PromiseCreateInput, PromisePatchInput } from './promise.schemas.js';
import { getPromise } from './promise.service.js';

type Fields = Pick<
  PromiseRow,
  | 'title'
  | 'quote'
  | 'source_kind'
  | 'source_url'
  | 'source_date'
  | 'made_by'
  | 'theme'
  | 'deadline_kind'
  | 'deadline_date'
  | 'deadline_days'
  | 'owner_id'
>;

const deadlineColumns = (d: DeadlineInput) => ({
  deadline_kind: d.kind,
  deadline_date: d.kind === 'date' ? d.date : null,
  deadline_days: d.kind === 'days' ? d.days : null,
});

/** The input's fields as columns, checking what a schema cannot: a known theme and owner. */
async function columnsOf(ctx: AppContext, input: PromisePatchInput): Promise<Partial<Fields>> {
  const errors: FieldError[] = [];
  const out: Partial<Fields> = {};
  if (input.title !== undefined) out.title = input.title.trim();
  if (input.quote !== undefined) out.quote = input.quote.trim();
  if (input.made_by !== undefined) out.made_by = input.made_by.trim();
  if (input.source) {
    out.source_kind = input.source.kind;
    out.source_url = input.source.url;
    out.source_date = input.source.date;
  }
  if (input.deadline) Object.assign(out, deadlineColumns(input.deadline));
  if (input.theme !== undefined) {
    if (!(await themeTitlesBySlug(ctx)).has(input.theme)) {
      errors.push({ field: 'theme', message: `unknown theme ${input.theme}` });
    }
    out.theme = input.theme;
  }
  if (input.owner !== undefined) {
    const org = await findOrganisation(ctx, input.owner);
    if (!org) errors.push({ field: 'owner', message: `no organisation ${input.owner}` });
    else out.owner_id = org.id;
  }
  if (out.title === '') errors.push({ field: 'title', message: 'Enter a title' });
  if (out.quote === '') errors.push({ field: 'quote', message: 'Enter the words promised' });
  if (out.made_by === '') errors.push({ field: 'made_by', message: 'Enter who made it' });
  if (errors.length > 0) throw validationFailed(errors);
  return out;
}

/** The fields an editor sets, for the activity diff (not ids or timestamps). */
const BOOKKEEPING = new Set(['id', 'created_at', 'updated_at', 'created_by']);
const snapshot = (row: Partial<PromiseRow>) =>
  Object.fromEntries(Object.entries(row).filter(([k]) => !BOOKKEEPING.has(k)));

export async function createPromise(ctx: AppContext, actor: Actor, input: PromiseCreateInput) {
  await authorisePromiseEdit(ctx, actor);
  const columns = (await columnsOf(ctx, input)) as Fields;
  const slug = await newSlug(ctx.db.kysely, 'promises', input.slug, slugify(input.title));
  const at = now();
  const row: PromiseRow = {
    ...columns,
    id: newId(),
    slug,
    status: 'not-yet-rated',
    status_date: null,
    created_by: actor.user?.id ?? null,
    created_at: at,
    updated_at: at,
  };
  await joinTransaction(ctx.db.kysely, async (trx) => {
    await insertPromise(trx, row);
    await recordPromiseChange(trx, actor, 'promise.created', row, diffOf({}, snapshot(row)), at);
  });
  return getPromise(ctx, actor, slug);
}

export async function patchPromise(
  ctx: AppContext,
  actor: Actor,
  slug: string,
  input: PromisePatchInput,
) {
  const before = await editablePromise(ctx, actor, slug);
  const columns = await columnsOf(ctx, input);
  const diff = diffOf(
    snapshot(Object.fromEntries(Object.keys(columns).map((k) => [k, before[k as keyof Fields]]))),
    snapshot(columns),
  );
  if (Object.keys(diff).length > 0) {
    const at = now();
    await joinTransaction(ctx.db.kysely, async (trx) => {
      await updatePromise(trx, before.id, { ...columns, updated_at: at });
      const changed = { id: before.id, owner_id: columns.owner_id ?? before.owner_id };
      await recordPromiseChange(trx, actor, 'promise.updated', changed, diff, at);
    });
  }
  const after = await findPromiseBySlug(ctx.db.kysely, slug);
  return getPromise(ctx, actor, after?.slug ?? slug);
}
