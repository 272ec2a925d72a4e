import type { AppContext } from '../../context.js';
import { recordActivity } from '../../platform/activity/record.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { newId, now } from '../../platform/ids.js';
import { authorise, type Actor } from '../accounts/index.js';
import { slugify } from '../catalog/index.js';
import { storeImage, type ImageUpload, type StoredImage } from './showcase-image.js';
import type { ShowcaseInput } from './showcase-input.js';
import { checkedSubmission } from './showcase-check.js';
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
  const { value, datasetIds, image } = await checkedSubmission(ctx, input, user.name, {
    datasets: true,
    image: options.image,
  });
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
        datasetIds ?? [],
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
