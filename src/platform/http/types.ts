import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import { Type } from 'typebox';

/** A Fastify instance whose route schemas type the handlers (TypeBox). */
export type Api = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Optional(Type.Unknown()),
    }),
  },
  { $id: 'Error' },
);

const ErrorRef = Type.Ref('Error');

/**
 * The error responses of an operation, for the OpenAPI document and the contract test: every
 * operation may answer 400 (a bad parameter), 401 (a bad token) and 500; name the others it may.
 */
export function errors(...more: number[]) {
  return Object.fromEntries([400, 401, 500, ...more].map((status) => [status, ErrorRef]));
}

/** A read of one thing: it may not exist, or be hidden from the caller (404). */
export const readErrors = errors(404);

/**
 * A write: refused (403), not found, in conflict (409), a body too large (413) or of the wrong
 * media type (415), or input that breaks a rule (422).
 */
export const writeErrors = errors(403, 404, 409, 413, 415, 422);
