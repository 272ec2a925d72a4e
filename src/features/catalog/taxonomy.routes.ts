import type { AppContext } from '../../context.js';
import { operations } from '../../platform/http/operations.js';
import { ListQuery, Page } from '../../platform/http/schemas.js';
import type { Api } from '../../platform/http/types.js';
import { Licence, Tag, Theme } from './catalog.responses.js';
import { LICENCES } from './licences.js';
import { listTags, listThemes } from './taxonomy.service.js';
import { pageFrom } from '../../platform/paging.js';

const op = operations('catalogue');

export function taxonomyRoutes(app: Api, ctx: AppContext): void {
  app.get(
    '/api/v1/themes',
    op.list(Page(Theme), {
      summary: 'Themes with their dataset counts, by title',
      querystring: ListQuery(),
    }),
    async (request) => pageFrom(await listThemes(ctx, request.actor), request.query),
  );

  app.get(
    '/api/v1/tags',
    op.list(Page(Tag), {
      summary: 'Tags in use, most used first',
      querystring: ListQuery(),
    }),
    (request) => listTags(ctx, request.actor, request.query),
  );

  app.get(
    '/api/v1/licences',
    op.list(Page(Licence), {
      summary: 'Licences a dataset can have',
      querystring: ListQuery(),
    }),
    (request) => pageFrom(LICENCES, request.query),
  );
}
