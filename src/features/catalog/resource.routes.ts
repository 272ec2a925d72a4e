import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { bearer, noContent, operations } from '../../platform/http/operations.js';
import { readUpload } from '../../platform/http/upload.js';
import { FileResponse, IdParams, SlugParams } from '../../platform/http/schemas.js';
import { readErrors, writeErrors, type Api } from '../../platform/http/types.js';
import { Resource } from './catalog.responses.js';
import type { CatalogExtensions } from './resource-data.js';
import { deleteResource } from './resource-delete.service.js';
import { ResourceLinkBody, type ResourceLinkInput } from './catalog.schemas.js';
import { contentDisposition } from '../../platform/http/content-disposition.js';
import { resourceView } from './dataset.view.js';
import {
  addFileResource,
  addLinkResource,
  findResource,
  openResourceFile,
} from './resource.service.js';

async function resourceOf(ctx: AppContext, id: string) {
  const found = await findResource(ctx, id);
  if (!found) throw new Error(`Resource ${id} vanished`);
  return resourceView(found.resource, ctx.config.baseUrl);
}

const op = operations('catalogue');

export function resourceRoutes(app: Api, ctx: AppContext, ext: CatalogExtensions): void {
  app.post(
    '/api/v1/datasets/:slug/resources',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Add a resource: a link (JSON) or a file upload (multipart/form-data)',
        description:
          'Send JSON `{name, url, format?, description?}` for a link, or multipart/form-data with ' +
          'text fields `name`, `format`, `description` first and then the `file` part. Files are ' +
          'stored with their size and SHA-256; uploads over MAX_UPLOAD_BYTES get 413.',
        params: SlugParams,
        querystring: Type.Object(
          {
            wait: Type.Optional(
              Type.Boolean({ description: 'Answer once the file is loaded into the datastore' }),
            ),
          },
          { additionalProperties: false },
        ),
        body: {
          content: {
            'application/json': { schema: ResourceLinkBody },
            'multipart/form-data': {
              schema: Type.Object({
                file: Type.Optional(Type.String({ contentEncoding: 'binary' })),
                name: Type.Optional(Type.String()),
                format: Type.Optional(Type.String()),
                description: Type.Optional(Type.String()),
              }),
            },
          },
        },
        security: bearer,
        response: {
          201: Type.Object({
            ...Resource.properties,
            datastore: Type.Optional(
              Type.Object({ load: Type.Unknown({ description: 'the load into the datastore' }) }),
            ),
          }),
          ...writeErrors,
        },
      },
      // Multipart bodies are streamed by the handler, not parsed: validate an empty stand-in.
      preValidation: (request, _reply, done) => {
        if (request.isMultipart()) request.body = {};
        done();
      },
    },
    async (request, reply) => {
      let created;
      if (request.isMultipart()) {
        const { file, fields } = await readUpload(request, ['name', 'format', 'description']);
        const { staged, ...added } = await addFileResource(
          ctx,
          request.actor,
          request.params.slug,
          {
            fileName: file.filename,
            stream: file.file,
            name: fields.name,
            format: fields.format,
            description: fields.description,
            truncated: () => file.file.truncated,
          },
          ext.data.holds,
        );
        created = added;
        // Tabular and geographic files go on into the datastore.
        const wait = request.query.wait ?? false;
        const load = await ext.data.fileAdded(ctx, request.actor, created.id, staged, wait);
        // Once loaded, the resource has its file (or, if the load failed, still none).
        if (load && wait) created = await resourceOf(ctx, created.id);
        if (load) return reply.status(201).send({ ...created, datastore: { load } });
      } else {
        created = await addLinkResource(
          ctx,
          request.actor,
          request.params.slug,
          request.body as ResourceLinkInput,
        );
      }
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/v1/resources/:id/download',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Download the file of a resource',
        params: IdParams,
        response: {
          200: FileResponse('The file as it was uploaded, with its media type', ['*/*']),
          ...readErrors,
        },
      },
    },
    async (request, reply) => {
      const file = await openResourceFile(ctx, request.actor, request.params.id);
      reply.header('content-type', file.mediaType);
      reply.header('content-disposition', contentDisposition(file.fileName));
      if (file.size !== null) reply.header('content-length', file.size);
      return reply.send(file.stream);
    },
  );

  app.delete(
    '/api/v1/resources/:id',
    op.remove({
      summary: 'Delete a resource: its file and its data in the datastore, for good',
      description:
        'Nothing serves the resource from the next request on; its files leave the blob store ' +
        'in the background. When something is built on it (an indicator), the answer is 409 ' +
        '`has_dependents` listing them in `details.dependents`, unless `force=true`.',
      params: IdParams,
      querystring: Type.Object(
        {
          force: Type.Optional(
            Type.Boolean({ description: 'Delete even though indicators use it' }),
          ),
        },
        { additionalProperties: false },
      ),
    }),
    (request, reply) =>
      noContent(
        reply,
        deleteResource(ctx, request.actor, request.params.id, ext, {
          force: request.query.force ?? false,
        }),
      ),
  );
}
