import type { AppContext } from '../../context.js';
import { bearer } from '../../platform/http/operations.js';
import { errors, type Api } from '../../platform/http/types.js';
import { PersonalDataResponse } from './personal-data.schemas.js';
import { exportMyData } from './personal-data.service.js';

/** Your data, for a program: a token with the "reports" scope (the page /account/data for people). */
export function personalDataRoutes(app: Api, ctx: AppContext): void {
  app.get(
    '/api/v1/me/data',
    {
      schema: {
        tags: ['residents'],
        summary: 'Everything held about you: account, reports, "me too"s, tokens, sign-ins',
        description:
          'Needs a token with the `reports` scope. Tokens appear as metadata only. Deleting your account is on the page /account/data.',
        security: bearer,
        response: { 200: PersonalDataResponse, ...errors(403) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return exportMyData(ctx, request.actor);
    },
  );
}
