import type { AppContext } from '../../context.js';
import type { Showcase } from '../../platform/db/schema.js';
import type { Actor } from '../accounts/index.js';
import { authorEmail } from './showcase.repository.js';

/**
 * Tells a showcase's author what a site admin decided, with the reason when it was rejected
 * (as data requests tell their requester). Best effort: the decision is saved and shown at
 * /account/showcases whether or not the mail arrives, so a mail server's failure must not turn
 * a saved decision into an error. An admin deciding on their own showcase is not mailed.
 */
export async function mailDecision(
  ctx: AppContext,
  actor: Actor,
  showcase: Pick<Showcase, 'slug' | 'title' | 'author_id'>,
  decision: { to: 'approved' | 'rejected'; reason: string | null },
): Promise<void> {
  if (showcase.author_id === null || showcase.author_id === actor.user?.id) return;
  const to = await authorEmail(ctx.db.kysely, showcase.author_id);
  if (!to) return;
  const url = `${ctx.config.baseUrl}/showcases/${showcase.slug}`;
  const approved = decision.to === 'approved';
  const lines = approved
    ? [`Your showcase “${showcase.title}” is approved: everyone can see it now.`, '', url]
    : [
        `Your showcase “${showcase.title}” was not approved. The reason:`,
        '',
        decision.reason ?? '',
        '',
        'You can change it and send it again for approval, or delete it:',
        url,
      ];
  await ctx.mailer
    .send({
      to,
      subject: approved
        ? `Your showcase is published: ${showcase.title}`
        : `Your showcase was not approved: ${showcase.title}`,
      text: lines.join('\n'),
    })
    .catch(() => undefined);
}
