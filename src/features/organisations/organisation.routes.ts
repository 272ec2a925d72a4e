import type { AppContext } from '../../context.js';
import { ListQuery, Page, pageFrom, SlugParams } from '../../platform/http/schemas.js';
import { errors, readErrors, writeErrors, type Api } from '../../platform/http/types.js';
import {
  createOrganisation,
  getOrganisation,
  listOrganisationsFor,
} from './organisation.service.js';
import {
  Organisation,
  OrganisationDetail,
  OrganisationCreateBody,
} from './organisation.schemas.js';

export function organisationRoutes(app: Api, ctx: AppContext): void {
  app.get(
    '/api/v1/organisations',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'List publishing organisations with their dataset counts',
        querystring: ListQuery(),
        response: { 200: Page(Organisation), ...errors() },
      },
    },
    async (request) => pageFrom(await listOrganisationsFor(ctx, request.actor), request.query),
  );

  app.get(
    '/api/v1/organisations/:slug',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'One organisation, with its boundary (GeoJSON) when known',
        params: SlugParams,
        response: { 200: OrganisationDetail, ...readErrors },
      },
    },
    (request) => getOrganisation(ctx, request.actor, request.params.slug),
  );

  app.post(
    '/api/v1/organisations',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Create an organisation (site administrators)',
        body: OrganisationCreateBody,
        security: [{ bearerAuth: [] }],
        response: { 201: Organisation, ...writeErrors },
      },
    },
    async (request, reply) => {
      const org = await createOrganisation(ctx, request.actor, request.body);
      return reply.status(201).header('location', org.links.self).send(org);
    },
  );
}
