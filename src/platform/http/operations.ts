import type { FastifyReply } from 'fastify';
import type { TSchema } from 'typebox';
import { NoContent } from './schemas.js';
import { errors, readErrors, writeErrors } from './types.js';

/** What an operation says of itself besides its answers; Fastify types its handler from them. */
interface Parts {
  summary: string;
  description?: string;
  params?: TSchema;
  querystring?: TSchema;
  body?: TSchema;
}

/** An operation that needs a token (the OpenAPI document's one security scheme). */
export const bearer = [{ bearerAuth: [] }];

/**
 * The route options of the API's usual operations under one tag of the OpenAPI document, so
 * each says only what is its own. A list answers a page or refuses a bad parameter; a read may
 * find nothing the caller can see (404); a write needs a token and may be refused, conflict or
 * break a rule.
 */
export function operations(tag: string) {
  const tags = [tag];
  return {
    list: <P extends Parts, R extends TSchema>(answer: R, parts: P) => ({
      schema: { tags, ...parts, response: { 200: answer, ...errors() } },
    }),
    read: <P extends Parts, R extends TSchema>(answer: R, parts: P) => ({
      schema: { tags, ...parts, response: { 200: answer, ...readErrors } },
    }),
    create: <P extends Parts, R extends TSchema>(answer: R, parts: P) => ({
      schema: { tags, ...parts, security: bearer, response: { 201: answer, ...writeErrors } },
    }),
    update: <P extends Parts, R extends TSchema>(answer: R, parts: P) => ({
      schema: { tags, ...parts, security: bearer, response: { 200: answer, ...writeErrors } },
    }),
    remove: <P extends Parts>(parts: P) => ({
      schema: { tags, ...parts, security: bearer, response: { 204: NoContent, ...writeErrors } },
    }),
  };
}

/** The answer to a deletion (op.remove) once it is done: 204, no body. */
export async function noContent(reply: FastifyReply, deletion: Promise<unknown>) {
  await deletion;
  return reply.status(204).send(null);
}
