import type { AppContext } from '../../context.js';
import { recordActivity } from '../../platform/activity/record.js';
import { DomainError, validationFailed, type FieldError } from '../../platform/errors.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { newId, now } from '../../platform/ids.js';
import { anonymous, authorise, type Actor } from '../accounts/index.js';
import { readableDataset, slugify } from '../catalog/index.js';
import { processImage, storeImage, type ImageUpload, type StoredImage } from './showcase-image.js';
import { checkInput, type ShowcaseInput } from './showcase-input.js';
import { insertShowcase, slugTaken } from './showcase.repository.js';
import { getShowcase } from './showcase.service.js';
import type { PublicShowcase } from './showcase.view.js';

export interface SubmitOptions {
  image?: ImageUpload | undefined;
  /** The demo's fixed id, time and image id, so its seed is the same every time. */
  id?: string;
  at?: string;
  imageId?: string;
}

/** The public datasets named, by slug; a slug the public cannot see is a field error. */
async function publicDatasetIds(ctx: AppContext, slugs: readonly string[]) {
  const ids: string[] = [];
  const errors: FieldError[] = [];
  for (const slug of slugs) {
    try {
      // Asked as the public: a showcase lists only data anyone can follow it to.
      ids.push((await readableDataset(ctx, anonymous, slug)).id);
    } catch (err) {
      if (!(err instanceof DomainError) || err.kind !== 'not_found') throw err;
      errors.push({ field: 'datasets', message: `There is no public dataset “${slug}”` });
    }
  }
  return { ids, errors };
}

async function freeSlug(ctx: AppContext, title: string): Promise<string> {
  const base = slugify(title).slice(0, 70).replace(/-+$/, '') || 'showcase';
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await slugTaken(ctx.db.kysely, slug))) return slug;
  }
}

/**
 * Submits a showcase for approval (pending until a site admin approves it). Every problem, the
 * image's too, is reported at once; nothing is kept unless all is well.
 */
export async function submitShowcase(
  ctx: AppContext,
  actor: Actor,
  input: ShowcaseInput,
  options: SubmitOptions = {},
): Promise<PublicShowcase> {
  authorise(actor, { type: 'showcase:submit' }, 'Sign in to submit a showcase');
  const user = actor.user;
  if (!user) throw new Error('authorise let an anonymous actor through');
  const { value, errors } = checkInput(input, user.name);
  const datasets = await publicDatasetIds(ctx, value.datasets);
  errors.push(...datasets.errors);
  let image = null;
  if (options.image) {
    try {
      image = await processImage(options.image);
    } catch (err) {
      const details = (err as { details?: unknown }).details;
      if (!Array.isArray(details)) throw err;
      errors.push(...(details as FieldError[]));
    }
  }
  if (errors.length > 0) throw validationFailed(errors);
  const id = options.id ?? newId();
  const at = options.at ?? now();
  let stored: StoredImage | null = null;
  if (image) stored = await storeImage(ctx, id, image, options.imageId);
  try {
    const slug = await inTransaction(ctx, async (tx) => {
      const slug = await freeSlug(tx, value.title);
      await insertShowcase(
        tx.db.kysely,
        {
          id,
          slug,
          title: value.title,
          description: value.description,
          type: value.type,
          link: value.link,
          author_id: user.id,
          author_name: value.author_name,
          status: 'pending',
          rejection_reason: null,
          decided_by: null,
          decided_at: null,
          image_key: stored?.key ?? null,
          image_width: stored?.width ?? null,
          image_height: stored?.height ?? null,
          image_bytes: stored?.bytes ?? null,
          created_at: at,
          updated_at: at,
        },
        datasets.ids,
      );
      await recordActivity(tx.db.kysely, actor, {
        action: 'showcase.submitted',
        subject: { type: 'showcase', id },
        diff: { title: { from: null, to: value.title }, status: { from: null, to: 'pending' } },
        at,
      });
      return slug;
    });
    return await getShowcase(ctx, actor, slug);
  } catch (err) {
    if (stored) await ctx.blobs.delete(stored.key).catch(() => undefined);
    throw err;
  }
}
