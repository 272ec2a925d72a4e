import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { publishPage } from '../../../../platform/views/page-head.js';
import { submitForm } from '../../../../platform/views/forms/form-page.js';
import { formPost } from '../../../../platform/views/forms/form-input.js';
import type { SlugRoute } from '../../../../platform/views/page-query.js';
import type { DashboardCreateInput } from '../../dashboard.schemas.js';
import {
  createDashboard,
  findDashboard,
  listDashboards,
  updateDashboard,
} from '../../dashboard.service.js';
import { authoriseRegionEdit } from '../../indicator-write.service.js';
import { editorPage } from '../editor-page.js';
import {
  dashboardFormFromBody,
  dashboardInputOf,
  LABELS,
  type DashboardForm,
} from './publish-dashboard.check.js';

function submit(
  request: FastifyRequest,
  reply: FastifyReply,
  slug: string | null,
  save: (input: DashboardCreateInput) => Promise<{ url: string }>,
) {
  return submitForm(reply, request.body, {
    labels: LABELS,
    read(body) {
      const form = dashboardFormFromBody(body);
      if (slug) form.slug = slug;
      return { form, ...dashboardInputOf(form) };
    },
    save,
    next: (saved) => saved.url,
    render: (form, errors) => editorPage(reply, 'dashboards', slug, form, errors),
    // A tile's problem ("tiles/2") is shown on the tiles box, naming the tile.
    reword: (errors) =>
      errors.map((e) =>
        e.field.startsWith('tiles/')
          ? {
              field: 'tiles',
              message: `tile ${String(Number(e.field.slice(6)) + 1)}: ${e.message}`,
            }
          : e,
      ),
  });
}

/** /publish/dashboards: the list, and a form to compose a dashboard (its tiles as JSON). */
export function publishDashboardPages(app: FastifyInstance, ctx: AppContext): void {
  const write = formPost(app);

  app.get('/publish/dashboards', async (request, reply) => {
    await authoriseRegionEdit(ctx, request.actor, 'dashboards');
    return reply.page('features/indicators/pages/publish-dashboard/publish-dashboards.njk', {
      ...publishPage('Dashboards'),
      dashboards: (await listDashboards(ctx)).map((d) => ({
        ...d,
        edit: `/publish/dashboards/${d.slug}/edit`,
        delete: `/publish/dashboards/${d.slug}/delete`,
      })),
    });
  });

  app.get('/publish/dashboards/new', async (request, reply) => {
    await authoriseRegionEdit(ctx, request.actor, 'dashboards');
    const blank: DashboardForm = { slug: '', title: '', description: '', tiles: '[]' };
    return editorPage(reply, 'dashboards', null, blank);
  });

  app.post('/publish/dashboards/new', write, async (request, reply) => {
    await authoriseRegionEdit(ctx, request.actor, 'dashboards');
    return submit(request, reply, null, (input) => createDashboard(ctx, request.actor, input));
  });

  app.get<SlugRoute>('/publish/dashboards/:slug/edit', async (request, reply) => {
    await authoriseRegionEdit(ctx, request.actor, 'dashboards');
    const row = await findDashboard(ctx, request.params.slug);
    const form: DashboardForm = {
      slug: row.slug,
      title: row.title,
      description: row.description,
      tiles: JSON.stringify(JSON.parse(row.tiles), null, 2),
    };
    return editorPage(reply, 'dashboards', row.slug, form);
  });

  app.post<SlugRoute>('/publish/dashboards/:slug/edit', write, async (request, reply) => {
    await authoriseRegionEdit(ctx, request.actor, 'dashboards');
    const row = await findDashboard(ctx, request.params.slug);
    return submit(request, reply, row.slug, ({ title, description, tiles }) =>
      updateDashboard(ctx, request.actor, row.slug, {
        title,
        ...(description !== undefined ? { description } : {}),
        tiles,
      }),
    );
  });
}
