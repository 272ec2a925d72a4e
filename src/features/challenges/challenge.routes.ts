import type { AppContext } from '../../context.js';
import { bearer, operations } from '../../platform/http/operations.js';
import { SlugParams } from '../../platform/http/schemas.js';
import { type Api, errors } from '../../platform/http/types.js';
import { pageFrom } from '../../platform/paging.js';
import { createChallenge, patchChallenge } from './challenge-write.service.js';
import {
  ChallengeDetail,
  ChallengeList,
  Entry,
  EntryList,
  InvitationList,
} from './challenge.responses.js';
import {
  ChallengeCreateBody,
  ChallengeListQuery,
  ChallengePatchBody,
  EntryCreateBody,
  EntryParams,
  OutcomeBody,
  WinnersBody,
} from './challenge.schemas.js';
import { getChallenge, listChallenges } from './challenge.service.js';
import { acceptEntryInvitation, createEntry, listEntries, myInvitations } from './entry.service.js';
import { markWinners, writeOutcome } from './judging.service.js';
import { ListQuery } from '../../platform/http/schemas.js';

const op = operations('challenges');

export function challengeRoutes(app: Api, ctx: AppContext): void {
  app.get(
    '/api/v1/challenges',
    op.list(ChallengeList, {
      summary: 'Challenges: open, judging and decided (and your organisations’ drafts)',
      description: 'Repeat `status` to match any of its values.',
      querystring: ChallengeListQuery,
    }),
    async (request) => {
      const { page, per_page, ...filters } = request.query;
      return pageFrom(await listChallenges(ctx, request.actor, filters), { page, per_page });
    },
  );

  app.post(
    '/api/v1/challenges',
    op.create(ChallengeDetail, {
      summary: 'Set a challenge for an organisation (a draft unless state is published)',
      body: ChallengeCreateBody,
    }),
    async (request, reply) => {
      const challenge = await createChallenge(ctx, request.actor, request.body);
      return reply.status(201).header('location', challenge.api_url).send(challenge);
    },
  );

  app.get(
    '/api/v1/challenges/:slug',
    op.read(ChallengeDetail, {
      summary: 'A challenge: the problem, datasets, deadline, criteria, winners and outcome',
      params: SlugParams,
    }),
    (request) => getChallenge(ctx, request.actor, request.params.slug),
  );

  app.patch(
    '/api/v1/challenges/:slug',
    op.update(ChallengeDetail, {
      summary: 'Change some fields of a challenge, or publish it (state: published)',
      params: SlugParams,
      body: ChallengePatchBody,
    }),
    (request) => patchChallenge(ctx, request.actor, request.params.slug, request.body),
  );

  app.get(
    '/api/v1/challenges/:slug/entries',
    // A read (not a plain list): a draft's entries are 404 to those who may not see the draft.
    op.read(EntryList, {
      summary: 'Entries: public after the deadline; before it, your team’s (all, if you judge)',
      params: SlugParams,
      querystring: ListQuery(),
    }),
    async (request) => {
      const { entries, public: isPublic } = await listEntries(
        ctx,
        request.actor,
        request.params.slug,
      );
      return { ...pageFrom(entries, request.query), entries_public: isPublic };
    },
  );

  app.post(
    '/api/v1/challenges/:slug/entries',
    op.create(Entry, {
      summary: 'Enter a challenge (until its deadline), alone or inviting a team by email',
      params: SlugParams,
      body: EntryCreateBody,
    }),
    async (request, reply) =>
      reply
        .status(201)
        .send(await createEntry(ctx, request.actor, request.params.slug, request.body)),
  );

  app.post(
    '/api/v1/challenges/:slug/entries/:id/accept',
    op.update(Entry, {
      summary: 'Accept an invitation to a team, sent to your email address',
      params: EntryParams,
    }),
    (request) => acceptEntryInvitation(ctx, request.actor, request.params.slug, request.params.id),
  );

  app.post(
    '/api/v1/challenges/:slug/winners',
    op.update(ChallengeDetail, {
      summary: 'Mark the winners and commendations (after the deadline); the challenge is decided',
      params: SlugParams,
      body: WinnersBody,
    }),
    (request) => markWinners(ctx, request.actor, request.params.slug, request.body),
  );

  app.put(
    '/api/v1/challenges/:slug/outcome',
    op.update(ChallengeDetail, {
      summary: 'Write the outcome (Markdown, public), after the deadline',
      params: SlugParams,
      body: OutcomeBody,
    }),
    (request) => writeOutcome(ctx, request.actor, request.params.slug, request.body.outcome),
  );

  app.get(
    '/api/v1/challenge-invitations',
    {
      schema: {
        tags: ['challenges'],
        summary: 'Invitations to join a team, waiting for your email address',
        querystring: ListQuery(),
        security: bearer,
        response: { 200: InvitationList, ...errors(403) },
      },
    },
    async (request) => pageFrom(await myInvitations(ctx, request.actor), request.query),
  );
}
