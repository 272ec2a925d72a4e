import type { FastifyRequest } from 'fastify';

// Paths that carry a secret (a one-time link's token): logs keep the path, not the secret.
const SECRET_IN_PATH = /^(\/(?:sign-in\/link|sign-up\/verify|my-data)\/)[^/?#]+/;

// Open311 clients send their token as the `api_key` query parameter (GeoReport v2's way).
const SECRET_IN_QUERY = /([?&]api_key=)[^&#]*/gi;

export const redactUrl = (url: string) =>
  url.replace(SECRET_IN_PATH, '$1[redacted]').replace(SECRET_IN_QUERY, '$1[redacted]');

/** Fastify's own request serialiser for logs, with secrets in the URL redacted. */
export function requestForLog(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket.remotePort,
  };
}
