import type { AppContext } from '../../context.js';
import type { Diff } from '../../platform/activity/diff.js';
import { recordActivity } from '../../platform/activity/record.js';
import type { Showcase, ShowcaseTable } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { now } from '../../platform/ids.js';
import { authorise, can, type Actor } from '../accounts/index.js';
import { checkedSubmission } from './showcase-check.js';
import { storeImage, type ImageUpload, type StoredImage } from './showcase-image.js';
import type { ShowcaseInput } from './showcase-input.js';
import {
  replaceShowcaseDatasets,
  showcaseDatasetIds,
  updateShowcase,
} from './showcase.repository.js';
import { getShowcase, readableShowcase } from './showcase.service.js';
import type { PublicShowcase } from './showcase.view.js';

// Changing a showcase after it was submitted: its text, link, type, datasets and image.
//
// An author's change to a showcase already decided on (published or not approved) sends it back
// to the site admins' queue: what an admin approved is what the public sees, so a published
// showcase cannot be turned into spam by editing it afterwards, and a refused one fixed by its
// author is looked at again. A site admin's own edits are moderation already and keep the status.

/** Only the fields given change; `datasets` (slugs) replaces the list when given. */
export type ShowcasePatch = Partial<ShowcaseInput>;

const TEXT_FIELDS = ['title', 'description', 'type', 'link', 'author_name'] as const;

function statusAfter(actor: Actor, s: Showcase): Partial<ShowcaseTable> {
  if (s.status === 'pending' || can(actor, { type: 'showcase:moderate' })) return {};
  return { status: 'pending', rejection_reason: null, decided_by: null, decided_at: null };
}

/**
 * Edits a showcase (its author, or a site admin): every problem at once, nothing kept unless
 * all is well; a new image replaces the old one, which is deleted.
 */
export async function editShowcase(
  ctx: AppContext,
  actor: Actor,
  slug: string,
  patch: ShowcasePatch,
  image?: ImageUpload,
): Promise<PublicShowcase> {
  const s = await readableShowcase(ctx, actor, slug);
  authorise(
    actor,
    { type: 'showcase:edit', showcase: s },
    'Only its author or a site administrator can change this showcase',
  );
  const oldIds = await showcaseDatasetIds(ctx.db.kysely, s.id);
  const checked = await checkedSubmission(
    ctx,
    {
      title: patch.title ?? s.title,
      description: patch.description ?? s.description,
      type: patch.type ?? s.type,
      link: patch.link ?? s.link,
      author_name: patch.author_name ?? s.author_name,
      // Unchanged datasets are kept as they are, without asking again whether each is public.
      datasets: patch.datasets ?? oldIds,
    },
    s.author_name,
    { datasets: patch.datasets !== undefined, image },
  );
  const diff: Diff = {};
  const columns: Partial<ShowcaseTable> = {};
  for (const key of TEXT_FIELDS) {
    if (checked.value[key] !== s[key]) {
      diff[key] = { from: s[key], to: checked.value[key] };
      Object.assign(columns, { [key]: checked.value[key] });
    }
  }
  const newIds = checked.datasetIds;
  const datasetsChanged = newIds !== undefined && newIds.join() !== oldIds.join();
  if (datasetsChanged) diff.datasets = { from: oldIds, to: newIds };
  if (Object.keys(diff).length === 0 && !checked.image) return getShowcase(ctx, actor, slug);

  const at = now();
  let stored: StoredImage | null = null;
  if (checked.image) stored = await storeImage(ctx, s.id, checked.image);
  if (stored) {
    diff.image = { from: s.image_key, to: stored.key };
    Object.assign(columns, {
      image_key: stored.key,
      image_width: stored.width,
      image_height: stored.height,
      image_bytes: stored.bytes,
    });
  }
  const status = statusAfter(actor, s);
  if (status.status) diff.status = { from: s.status, to: status.status };
  const onlyImage = Object.keys(diff).every((key) => key === 'image' || key === 'status');
  try {
    await inTransaction(ctx, async (tx) => {
      await updateShowcase(tx.db.kysely, s.id, { ...columns, ...status, updated_at: at });
      if (datasetsChanged) await replaceShowcaseDatasets(tx.db.kysely, s.id, newIds);
      await recordActivity(tx.db.kysely, actor, {
        action: onlyImage ? 'showcase.image-changed' : 'showcase.edited',
        subject: { type: 'showcase', id: s.id },
        diff,
        at,
      });
    });
  } catch (err) {
    if (stored) await ctx.blobs.delete(stored.key).catch(() => undefined);
    throw err;
  }
  if (stored && s.image_key) await ctx.blobs.delete(s.image_key).catch(() => undefined);
  return getShowcase(ctx, actor, slug);
}

/** Replaces a showcase's image (its author, or a site admin), as an edit of the image alone. */
export const setShowcaseImage = (
  ctx: AppContext,
  actor: Actor,
  slug: string,
  upload: ImageUpload,
) => editShowcase(ctx, actor, slug, {}, upload);
