import type { AppContext } from '../../context.js';
import { noContent, operations } from '../../platform/http/operations.js';
import { SlugParams } from '../../platform/http/schemas.js';
import type { Api } from '../../platform/http/types.js';
import { changeRollup, deleteRollup } from './rollup-edit.service.js';
import { RollupDeleteQuery, RollupPatch, RollupView } from './rollup.responses.js';
import { rollupView } from './rollup.view.js';

// Changing and deleting a roll-up (docs/api.md, "Roll-ups").

const op = operations('rollups');

export function rollupEditRoutes(app: Api, ctx: AppContext): void {
  app.patch(
    '/api/v1/rollups/:slug',
    op.update(RollupView, {
      summary: 'Change a roll-up: its title, description, schema or who is expected',
      description:
        'Fields left out keep their values; `expected_organisations` replaces the whole list. ' +
        'A new `schema` checks every member again and queues a rebuild (the members show ' +
        '`pending` until it has run). The combined dataset keeps its own title and description.',
      params: SlugParams,
      body: RollupPatch,
    }),
    async (request) => {
      const b = request.body;
      const { rollup } = await changeRollup(ctx, request.actor, request.params.slug, {
        title: b.title,
        description: b.description,
        schema: b.schema,
        expected: b.expected_organisations,
      });
      return rollupView(ctx, rollup);
    },
  );

  app.delete(
    '/api/v1/rollups/:slug',
    op.remove({
      summary: 'Delete a roll-up; the combined dataset stays, no longer rebuilt, unless withdrawn',
      description:
        'The members’ datasets are not touched. The combined dataset stays in the catalogue as ' +
        'last built, no longer rebuilt, unless `withdraw_dataset=true`. Refused (409) while a ' +
        'rebuild of the roll-up is under way.',
      params: SlugParams,
      querystring: RollupDeleteQuery,
    }),
    (request, reply) =>
      noContent(
        reply,
        deleteRollup(ctx, request.actor, request.params.slug, {
          withdrawDataset: request.query.withdraw_dataset ?? false,
        }),
      ),
  );
}
