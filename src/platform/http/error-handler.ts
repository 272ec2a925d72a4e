import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError } from './errors.js';

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

function body(code: string, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** Fastify's own error codes, mapped to ours; anything unknown is a 500 without internals. */
function fromFastify(err: FastifyError): { status: number; body: ErrorBody } | null {
  if (err.validation) {
    const details = err.validation.map((v) => {
      const where = err.validationContext ?? 'request';
      const prop =
        (v.params as { missingProperty?: string; additionalProperty?: string }).missingProperty ??
        (v.params as { additionalProperty?: string }).additionalProperty ??
        '';
      const field = [v.instancePath.replace(/^\//, '').replace(/\//g, '.'), prop]
        .filter(Boolean)
        .join('.');
      const message =
        v.keyword === 'additionalProperties'
          ? 'is not a known parameter'
          : (v.message ?? 'is invalid');
      return { field: field || where, in: where, message };
    });
    const message = details.map((d) => `${d.field}: ${d.message}`).join('; ');
    return { status: 400, body: body('invalid_request', message, details) };
  }
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, body: body('invalid_json', 'The request body is not valid JSON') };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return { status: 413, body: body('payload_too_large', err.message) };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, body: body('unsupported_media_type', err.message) };
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return { status: 415, body: body('unsupported_media_type', 'Expected multipart/form-data') };
    default:
      if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
        return { status: err.statusCode, body: body('bad_request', err.message) };
      }
      return null;
  }
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.status).send(body(err.code, err.message, err.details));
    }
    const mapped = fromFastify(err);
    if (mapped) return reply.status(mapped.status).send(mapped.body);
    request.log.error({ err }, 'unhandled error');
    return reply
      .status(500)
      .send(body('internal_error', `Something went wrong on our side (request ${request.id})`));
  });

  app.setNotFoundHandler((request, reply) => {
    return reply
      .status(404)
      .send(body('not_found', `No route for ${request.method} ${request.url.split('?')[0] ?? ''}`));
  });
}
