import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { knownError } from '../../platform/http/error-handler.js';
import { CkanFailure } from './ckan-failure.js';

// CKAN's answer envelope: `{help, success, result}`, and on failure `{help, success: false,
// error: {__type, message, ...field errors}}` with CKAN's statuses (404, 409, 403, 400).

/** The help_show URL for an action, which CKAN puts in every answer. */
export const helpUrl = (baseUrl: string, action: string) =>
  `${baseUrl}/api/3/action/help_show?name=${encodeURIComponent(action)}`;

export const actionOf = (request: FastifyRequest): string =>
  (request.params as { name?: string } | undefined)?.name ?? '';

export function success(baseUrl: string, action: string, result: unknown) {
  return { help: helpUrl(baseUrl, action), success: true, result };
}

interface CkanError {
  status: number;
  error: Record<string, unknown>;
}

/** Field errors as CKAN lists them: `{"name": ["That URL is already in use."]}`. */
function fieldErrors(details: unknown): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  if (!Array.isArray(details)) return fields;
  for (const d of details as { field?: unknown; message?: unknown }[]) {
    if (typeof d.field !== 'string' || typeof d.message !== 'string') continue;
    (fields[d.field] ??= []).push(d.message);
  }
  return fields;
}

/** A failure in CKAN's words; the unexpected is a 500 that shows no internals. */
export function ckanError(err: FastifyError, requestId: string): CkanError {
  // An action that answers in CKAN's words already (nested field errors, SQL errors).
  if (err instanceof CkanFailure) return { status: err.status, error: err.error };
  const known = knownError(err);
  if (!known) {
    return {
      status: 500,
      error: {
        __type: 'Internal Server Error',
        message: `Something went wrong on our side (request ${requestId})`,
      },
    };
  }
  const { status, body } = known;
  const { message, details } = body.error;
  if (status === 404) return { status, error: { __type: 'Not Found Error', message: 'Not found' } };
  if (status === 401 || status === 403) {
    return {
      status: 403,
      error: { __type: 'Authorization Error', message: `Access denied: ${message}` },
    };
  }
  if (
    status === 400 &&
    (body.error.code === 'invalid_json' || body.error.code === 'invalid_multipart')
  ) {
    return { status, error: { __type: 'Bad request', message: `Bad request - ${message}` } };
  }
  if (status === 400 || status === 409 || status === 422) {
    return { status: 409, error: { __type: 'Validation Error', message, ...fieldErrors(details) } };
  }
  return {
    status,
    error: { __type: status >= 500 ? 'Internal Server Error' : 'Bad request', message },
  };
}

export function sendCkanError(
  baseUrl: string,
  err: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const { status, error } = ckanError(err, request.id);
  if (status >= 500) request.log.error({ err }, 'CKAN action failed');
  return reply
    .status(status)
    .send({ help: helpUrl(baseUrl, actionOf(request)), success: false, error });
}
