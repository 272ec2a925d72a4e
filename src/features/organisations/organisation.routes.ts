import type { AppContext } from '../../context.js';
import { operations } from '../../platform/http/operations.js';
import { ListQuery, Page, SlugParams } from '../../platform/http/schemas.js';
import type { Api } from '../../platform/http/types.js';
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
import { pageFrom } from '../../platform/paging.js';

const op = operations('catalogue');

export function organisationRoutes(app: Api, ctx: AppContext): void {
  app.get(
    '/api/v1/organisations',
    op.list(Page(Organisation), {
      summary: 'List publishing organisations with their dataset counts',
      querystring: ListQuery(),
    }),
    async (request) => pageFrom(await listOrganisationsFor(ctx, request.actor), request.query),
  );

  app.get(
    '/api/v1/organisations/:slug',
    op.read(OrganisationDetail, {
      summary: 'One organisation, with its boundary (GeoJSON) when known',
      params: SlugParams,
    }),
    (request) => getOrganisation(ctx, request.actor, request.params.slug),
  );

  app.post(
    '/api/v1/organisations',
    op.create(Organisation, {
      summary: 'Create an organisation (site administrators)',
      body: OrganisationCreateBody,
    }),
    async (request, reply) => {
      const org = await createOrganisation(ctx, request.actor, request.body);
      return reply.status(201).header('location', org.links.self).send(org);
    },
  );
}
