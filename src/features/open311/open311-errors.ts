import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../platform/errors.js';
import { knownError } from '../../platform/http/error-handler.js';
import { formatOfUrl, sendDoc, type Fields } from './open311-output.js';

// GeoReport v2's errors: a list of `{code, description}` (XML `<errors><error>`), with 400 for
// a bad request, 403 for a bad api_key, 404 for what does not exist. Every error in this
// feature's scope answers so, never in /api/v1's shape.

/** A failure this feature words itself, with the status the specification asks for. */
export class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly descriptions: string[],
  ) {
    super(descriptions.join('; '));
  }
}

export const open311Fail = (status: number, description: string) =>
  new Open311Error(status, [description]);

/** Open311 knows 400, 403 and 404; other statuses stay what they are (413, 429, 5xx). */
function open311Status(status: number): number {
  if (status === 401) return 403;
  if (status === 409 || status === 422) return 400;
  return status;
}

function fieldDescriptions(details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  return (details as { field?: unknown; message?: unknown }[])
    .filter((d) => typeof d.field === 'string' && typeof d.message === 'string')
    .map((d) => `${String(d.field)}: ${String(d.message)}`);
}

export function open311Errors(
  err: FastifyError | Error,
  requestId: string,
): { status: number; descriptions: string[] } {
  if (err instanceof Open311Error) return { status: err.status, descriptions: err.descriptions };
  const known = knownError(err as FastifyError);
  if (!known) {
    return {
      status: 500,
      descriptions: [`Something went wrong on our side (request ${requestId})`],
    };
  }
  const fields = err instanceof DomainError ? fieldDescriptions(err.details) : [];
  return {
    status: open311Status(known.status),
    descriptions: fields.length > 0 ? fields : [known.body.error.message],
  };
}

export function sendOpen311Error(
  err: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const { status, descriptions } = open311Errors(err, request.id);
  if (status >= 500) request.log.error({ err }, 'Open311 request failed');
  const entries: Fields[] = descriptions.map((d) => [
    ['code', status],
    ['description', d],
  ]);
  return sendDoc(
    reply,
    formatOfUrl(request.url),
    { root: 'errors', item: 'error', entries },
    status,
  );
}
