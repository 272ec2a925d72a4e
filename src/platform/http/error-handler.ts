import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type ErrorKind } from '../errors.js';
import { HttpError } from './errors.js';
import { frameworkErrorOf } from './framework-errors.js';
import { methodTracker } from './method-tracker.js';

/** The one mapping from the domain's errors to HTTP statuses. */
const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  validation: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  unavailable: 503,
};

export interface ErrorBody {
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
      let field = [v.instancePath.replace(/^\//, '').replace(/\//g, '.'), prop]
        .filter(Boolean)
        .join('.');
      // A repeated query parameter is one parameter: `status`, not `status.1`.
      if (where === 'querystring') field = field.replace(/\.\d+$/, '');
      const allowed = (v.params as { allowedValues?: unknown[] }).allowedValues;
      const message =
        v.keyword === 'additionalProperties'
          ? 'is not a known parameter'
          : v.keyword === 'enum' && Array.isArray(allowed)
            ? `must be one of ${allowed.map(String).join(', ')}`
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
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return {
        status: 413,
        body: body('payload_too_large', `The upload has too many parts (${err.message})`),
      };
    case 'FST_ERR_BAD_URL': {
      const message = 'The address is not valid: it has a malformed %-escape';
      return { status: 400, body: body('invalid_request', message, [{ field: 'url', message }]) };
    }
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return { status: 414, body: body('uri_too_long', 'A part of the address is too long') };
    default:
      if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
        return { status: err.statusCode, body: body('bad_request', err.message) };
      }
      return null;
  }
}

// The multipart parser (busboy) throws plain errors, with no code, on a body it cannot read.
const MULTIPART_ERROR =
  /^(Multipart: Boundary not found|Boundary required|Unexpected end of multipart data|\w+ terminated early due to unexpected end of multipart data|Malformed part header)/;

/** A multipart body that is not one (truncated, a missing or wrong boundary): a 400. */
function fromMultipart(err: Error): { status: number; body: ErrorBody } | null {
  if (!MULTIPART_ERROR.test(err.message)) return null;
  const message = `The form upload could not be read (${err.message}): send it again whole, as multipart/form-data with its boundary`;
  return { status: 400, body: body('invalid_multipart', message) };
}

const MACHINE_PATHS =
  /^\/(api|assets|healthz|readyz|metrics|open311)(\/|$|\?)|\.(json|jsonld|xml|rdf|ttl|atom|css|txt|zip)(\?|$)/;

/** People get a GOV.UK error page; the API, feeds and probes get the JSON error shape. */
function isPageRequest(app: FastifyInstance, request: FastifyRequest): boolean {
  return app.hasReplyDecorator('page') && !MACHINE_PATHS.test(request.url);
}

const PAGE_ERRORS: Record<number, { title: string; paragraphs: string[] }> = {
  400: {
    title: 'There is a problem with the request',
    paragraphs: ['Check the address or the form and try again.'],
  },
  401: { title: 'You need to sign in', paragraphs: ['Sign in to see this page.'] },
  403: {
    title: 'You do not have permission to do this',
    paragraphs: [
      'If you were filling in a form, it may have expired: go back, reload the page and try again.',
    ],
  },
  404: {
    title: 'Page not found',
    paragraphs: [
      'If you typed the web address, check it is correct.',
      'If you pasted the web address, check you copied the entire address.',
    ],
  },
  413: { title: 'The file is too large', paragraphs: ['Choose a smaller file and try again.'] },
  500: { title: 'Sorry, there is a problem with the service', paragraphs: ['Try again later.'] },
  503: { title: 'Sorry, the service is unavailable', paragraphs: ['Try again later.'] },
};

const wwwAuthenticate = (code: string) =>
  code === 'invalid_token'
    ? 'Bearer realm="metrodata", error="invalid_token"'
    : 'Bearer realm="metrodata"';

function sendError(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  payload: ErrorBody,
): Promise<FastifyReply> | FastifyReply {
  if (!isPageRequest(app, request)) {
    // RFC 9110: a 401 says how to authenticate; RFC 6750 names a bad token's error.
    if (status === 401) reply.header('www-authenticate', wwwAuthenticate(payload.error.code));
    return reply.status(status).send(payload);
  }
  const page = PAGE_ERRORS[status] ?? (status >= 500 ? PAGE_ERRORS[500] : PAGE_ERRORS[400]);
  return reply.page(
    'layouts/error.njk',
    {
      pageTitle: page?.title ?? 'Error',
      // A 4xx message is written for people (DomainError, HttpError); internals never are shown.
      paragraphs:
        status < 500 && status !== 404 ? [payload.error.message] : (page?.paragraphs ?? []),
      requestId: status >= 500 ? request.id : null,
    },
    status,
  );
}

/**
 * An error the platform knows (a domain error, an HTTP error, Fastify's or the multipart
 * parser's) as its status and the one shape; null for the unexpected. Standards endpoints that
 * answer in another envelope (the CKAN API) map from this.
 */
export function knownError(err: FastifyError): { status: number; body: ErrorBody } | null {
  if (err instanceof DomainError) {
    return { status: STATUS[err.kind], body: body(err.code, err.message, err.details) };
  }
  if (err instanceof HttpError) return { status: err.status, body: body(err.code, err.message) };
  return fromFastify(err) ?? fromMultipart(err);
}

/** Any error as its status and the one shape (or a GOV.UK page); the unexpected is a logged 500. */
export function answerError(
  app: FastifyInstance,
  err: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> | FastifyReply {
  const mapped = knownError(err);
  if (mapped) return sendError(app, request, reply, mapped.status, mapped.body);
  request.log.error({ err }, 'unhandled error');
  const message = `Something went wrong on our side (request ${request.id})`;
  return sendError(app, request, reply, 500, body('internal_error', message));
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => answerError(app, err, request, reply));

  const methodsOf = methodTracker(app);
  app.setNotFoundHandler((request, reply) => {
    const failed = frameworkErrorOf(request);
    if (failed) return answerError(app, failed, request, reply);
    const path = request.url.split('?')[0] ?? '';
    const allowed = methodsOf(path);
    if (allowed.length > 0) {
      reply.header('allow', allowed.join(', '));
      const message = `${request.method} is not allowed here; use ${allowed.join(', ')}`;
      return sendError(app, request, reply, 405, body('method_not_allowed', message));
    }
    return sendError(
      app,
      request,
      reply,
      404,
      body('not_found', `No route for ${request.method} ${path}`),
    );
  });
}
