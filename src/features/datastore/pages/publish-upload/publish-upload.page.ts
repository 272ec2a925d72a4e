import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { DomainError, notFound } from '../../../../platform/errors.js';
import { PUBLISH } from '../../../../platform/views/page-head.js';
import { formatBytes } from '../../../../platform/views/filters.js';
import { formErrors, type FormErrors } from '../../../../platform/views/forms/form-errors.js';
import { formPage } from '../../../../platform/views/forms/form-page.js';
import type { SlugRoute } from '../../../../platform/views/page-query.js';
import { addFileResource } from '../../../catalog/index.js';
import { loadAfterUpload, replaceData, resourceWithDatastore } from '../../datastore.service.js';
import { isLoadable } from '../../load.service.js';
import { editableDataset } from '../../../catalog/index.js';
import { readFormUpload } from './form-upload.js';

const TEMPLATE = 'features/datastore/pages/publish-upload/publish-upload.njk';
const LABELS = { file: { label: 'File', id: 'file' }, name: { label: 'Name', id: 'name' } };

interface UploadView {
  pageTitle: string;
  dataset: { slug: string; title: string };
  action: string;
  replacing: { name: string; version: number | null } | null;
}

function render(reply: FastifyReply, view: UploadView, ctx: AppContext, errors?: FormErrors) {
  return formPage(
    reply,
    TEMPLATE,
    {
      ...view,
      section: 'publish',
      breadcrumbs: [
        PUBLISH,
        { text: view.dataset.title, href: `/publish/datasets/${view.dataset.slug}` },
      ],
      maxUploadBytes: ctx.config.maxUploadBytes,
    },
    errors,
  );
}

/** Upload problems a person can fix (no file, empty, too large) become form errors. */
function uploadError(err: unknown, maxBytes: number): FormErrors | null {
  if (!(err instanceof DomainError) || !['too_large', 'validation'].includes(err.kind)) return null;
  const message =
    err.code === 'empty_file'
      ? 'The selected file is empty'
      : err.kind === 'too_large'
        ? `The selected file must be smaller than ${formatBytes(maxBytes)}`
        : err.message.replace(/^file: /, '');
  return formErrors([{ field: 'file', message }], LABELS);
}

const noFile = () => formErrors([{ field: 'file', message: 'Select a file' }], LABELS);

const reportUrl = (resourceId: string, loadId: string) =>
  `/publish/resources/${resourceId}/loads/${loadId}`;

/** Add a file to a dataset, and replace a file's data (the datastore's next version). */
export function uploadPages(app: FastifyInstance, ctx: AppContext): void {
  const addView = async (actor: Parameters<typeof editableDataset>[1], slug: string) => {
    const dataset = await editableDataset(ctx, actor, slug);
    return {
      pageTitle: `Add data to “${dataset.title}”`,
      dataset: { slug: dataset.slug, title: dataset.title },
      action: `/publish/datasets/${dataset.slug}/upload`,
      replacing: null,
    };
  };

  app.get<SlugRoute>('/publish/datasets/:slug/upload', async (request, reply) =>
    render(reply, await addView(request.actor, request.params.slug), ctx),
  );

  app.post<SlugRoute>('/publish/datasets/:slug/upload', async (request, reply) => {
    // Permission first: nobody streams a file into a dataset they cannot change.
    const view = await addView(request.actor, request.params.slug);
    const { fields, file } = await readFormUpload(app, request, reply, ['name']);
    if (!file) return render(reply, view, ctx, noFile());
    let created;
    try {
      created = await addFileResource(
        ctx,
        request.actor,
        view.dataset.slug,
        {
          fileName: file.filename,
          stream: file.file,
          name: fields.name,
          truncated: () => file.file.truncated,
        },
        isLoadable,
      );
    } catch (err) {
      const errors = uploadError(err, ctx.config.maxUploadBytes);
      if (!errors) throw err;
      return render(reply, view, ctx, errors);
    }
    const load = await loadAfterUpload(ctx, request.actor, created.id, false, created.staged);
    return reply.redirect(
      load ? reportUrl(created.id, load.id) : `/publish/datasets/${view.dataset.slug}`,
      303,
    );
  });

  const replaceView = async (actor: Parameters<typeof editableDataset>[1], id: string) => {
    const resource = await resourceWithDatastore(ctx, actor, id);
    const dataset = await editableDataset(ctx, actor, resource.dataset.slug);
    if (resource.kind !== 'file') throw notFound('Resource file');
    return {
      pageTitle: `Replace the data of “${resource.name}”`,
      dataset: { slug: dataset.slug, title: dataset.title },
      action: `/publish/resources/${resource.id}/replace`,
      replacing: { name: resource.name, version: resource.datastore.version },
    };
  };

  app.get<{ Params: { id: string } }>('/publish/resources/:id/replace', async (request, reply) =>
    render(reply, await replaceView(request.actor, request.params.id), ctx),
  );

  app.post<{ Params: { id: string } }>('/publish/resources/:id/replace', async (request, reply) => {
    const view = await replaceView(request.actor, request.params.id);
    const { file } = await readFormUpload(app, request, reply, []);
    if (!file) return render(reply, view, ctx, noFile());
    let result;
    try {
      result = await replaceData(
        ctx,
        request.actor,
        request.params.id,
        { fileName: file.filename, stream: file.file, truncated: () => file.file.truncated },
        false,
      );
    } catch (err) {
      const errors = uploadError(err, ctx.config.maxUploadBytes);
      if (!errors) throw err;
      return render(reply, view, ctx, errors);
    }
    return reply.redirect(
      result.load
        ? reportUrl(request.params.id, result.load.id)
        : `/publish/datasets/${view.dataset.slug}`,
      303,
    );
  });
}
