import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { validationFailed } from '../../platform/http/errors.js';
import { errorResponses, type Api } from '../../platform/http/types.js';
import { Resource, ResourceWithDataset } from './catalog.responses.js';
import { ResourceLinkBody, SlugParams, type ResourceLinkInput } from './catalog.schemas.js';
import { contentDisposition } from './content-disposition.js';
import {
  addFileResource,
  addLinkResource,
  getResource,
  openResourceFile,
} from './resource.service.js';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const TEXT_FIELDS = new Set(['name', 'format', 'description']);

/** Reads the text fields that come before the file, then hands the file stream over. */
async function readUpload(request: FastifyRequest) {
  const fields: Record<string, string> = {};
  let file: MultipartFile | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file') {
        throw validationFailed([
          { field: part.fieldname, message: 'only a "file" part is accepted' },
        ]);
      }
      file = part;
      break;
    }
    if (!TEXT_FIELDS.has(part.fieldname)) {
      throw validationFailed([{ field: part.fieldname, message: 'is not a known field' }]);
    }
    fields[part.fieldname] = String(part.value);
  }
  if (!file) throw validationFailed([{ field: 'file', message: 'a file part is required' }]);
  if (fields.format !== undefined && !/^[A-Za-z0-9.+-]{1,20}$/.test(fields.format)) {
    throw validationFailed([{ field: 'format', message: 'must be a short format name like CSV' }]);
  }
  return { file, fields };
}

export function resourceRoutes(app: Api, ctx: AppContext): void {
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
        security: [{ bearerAuth: [] }],
        response: { 201: Resource, 413: Type.Ref('Error'), ...errorResponses },
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
        const { file, fields } = await readUpload(request);
        created = await addFileResource(ctx, request.actor, request.params.slug, {
          fileName: file.filename,
          stream: file.file,
          name: fields.name,
          format: fields.format,
          description: fields.description,
          truncated: () => file.file.truncated,
        });
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
    '/api/v1/resources/:id',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'A resource and its dataset',
        params: IdParams,
        response: { 200: ResourceWithDataset, ...errorResponses },
      },
    },
    (request) => getResource(ctx, request.actor, request.params.id),
  );

  app.get(
    '/api/v1/resources/:id/download',
    {
      schema: { tags: ['catalogue'], summary: 'Download the file of a resource', params: IdParams },
    },
    async (request, reply) => {
      const file = await openResourceFile(ctx, request.actor, request.params.id);
      reply.header('content-type', file.mediaType);
      reply.header('content-disposition', contentDisposition(file.fileName));
      if (file.size !== null) reply.header('content-length', file.size);
      return reply.send(file.stream);
    },
  );
}
