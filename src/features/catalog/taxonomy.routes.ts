import type { AppContext } from '../../context.js';
import { ListQuery, Page, pageFrom } from '../../platform/http/schemas.js';
import { errors, type Api } from '../../platform/http/types.js';
import { Licence, Tag, Theme } from './catalog.responses.js';
import { LICENCES } from './licences.js';
import { listTags, listThemes } from './taxonomy.service.js';

export function taxonomyRoutes(app: Api, ctx: AppContext): void {
  app.get(
    '/api/v1/themes',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Themes with their dataset counts, by title',
        querystring: ListQuery(),
        response: { 200: Page(Theme), ...errors() },
      },
    },
    async (request) => pageFrom(await listThemes(ctx, request.actor), request.query),
  );

  app.get(
    '/api/v1/tags',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Tags in use, most used first',
        querystring: ListQuery(),
        response: { 200: Page(Tag), ...errors() },
      },
    },
    (request) => listTags(ctx, request.actor, request.query),
  );

  app.get(
    '/api/v1/licences',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Licences a dataset can have',
        querystring: ListQuery(),
        response: { 200: Page(Licence), ...errors() },
      },
    },
    (request) => pageFrom(LICENCES, request.query),
  );
}
