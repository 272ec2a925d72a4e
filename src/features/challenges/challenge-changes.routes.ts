import type { AppContext } from '../../context.js';
import { noContent, operations } from '../../platform/http/operations.js';
import { SlugParams } from '../../platform/http/schemas.js';
import type { Api } from '../../platform/http/types.js';
import { cancelChallenge, deleteChallenge } from './challenge-removal.service.js';
import { ChallengeDetail, Entry } from './challenge.responses.js';
import { CancelBody, EntryParams, EntryPatchBody } from './challenge.schemas.js';
import { updateEntry, withdrawEntry } from './entry-change.service.js';

const op = operations('challenges');

/** Changing an entry or withdrawing it (its lead), and taking a challenge down (its organisation). */
export function challengeChangeRoutes(app: Api, ctx: AppContext): void {
  app.patch(
    '/api/v1/challenges/:slug/entries/:id',
    op.update(Entry, {
      summary: 'Change an entry before the deadline (its team’s lead)',
      description:
        'From the deadline entries are frozen for the judges: 409 `deadline_passed`. A ' +
        'withdrawn entry cannot be changed (409 `withdrawn`), nor any entry of a cancelled ' +
        'challenge (409 `cancelled`).',
      params: EntryParams,
      body: EntryPatchBody,
    }),
    (request) =>
      updateEntry(ctx, request.actor, request.params.slug, request.params.id, request.body),
  );

  app.post(
    '/api/v1/challenges/:slug/entries/:id/withdraw',
    op.update(Entry, {
      summary: 'Withdraw an entry before the deadline (its team’s lead)',
      description:
        'A withdrawn entry is seen by its team only, and is not judged. The same 409s as ' +
        'changing an entry.',
      params: EntryParams,
    }),
    (request) => withdrawEntry(ctx, request.actor, request.params.slug, request.params.id),
  );

  app.delete(
    '/api/v1/challenges/:slug',
    op.remove({
      summary: 'Delete a challenge nobody has entered (its organisation’s editors)',
      description:
        'A challenge with entries (withdrawn ones too) is not deleted: 409 `has_entries`; ' +
        'cancel it instead, so the entrants keep their work.',
      params: SlugParams,
    }),
    (request, reply) => noContent(reply, deleteChallenge(ctx, request.actor, request.params.slug)),
  );

  app.post(
    '/api/v1/challenges/:slug/cancel',
    op.update(ChallengeDetail, {
      summary: 'Cancel a published challenge before it is decided (its organisation’s editors)',
      description:
        'No more entries, no judging; the reason is public and mailed to the entrants, whose ' +
        'entries stay visible to their own teams. 409 if it is a draft (delete it), decided ' +
        'or cancelled already.',
      params: SlugParams,
      body: CancelBody,
    }),
    (request) => cancelChallenge(ctx, request.actor, request.params.slug, request.body.reason),
  );
}
