import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { IncomingMessage } from 'node:http';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

// Errors that happen before a route is found: a malformed URL or an over-long path segment
// (Fastify's router), and a request Node's HTTP parser cannot read at all (headers too large,
// a broken request line). Fastify answers these in a shape of its own unless told otherwise.

const FAILED = Symbol('frameworkError');
type Marked = IncomingMessage & { [FAILED]?: FastifyError };

/**
 * A router error has no route, so Fastify would answer it without the hooks that every other
 * request has (security headers, the visitor, cookies) and without the app's error handler.
 * The request is routed again to an address no route has, marked with its error: the not-found
 * handler then answers it as any other error, with every hook run, as JSON or as a page.
 */
function frameworkErrors(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const raw = request.raw as Marked;
  if (raw[FAILED]) {
    void reply.code(400).send({ error: { code: 'bad_request', message: err.message } });
    return;
  }
  raw[FAILED] = err;
  raw.url = /^\/api(\/|$|\?)/.test(raw.url ?? '') ? '/api/-/framework-error' : '/-/framework-error';
  reply.server.routing(raw, reply.raw);
}

/** The router error a request was routed again for (see frameworkErrors), if any. */
export const frameworkErrorOf = (request: FastifyRequest): FastifyError | undefined =>
  (request.raw as Marked)[FAILED];

const PARSER_ERRORS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'headers_too_large', 'The request headers are too large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'request_timeout', 'The request took too long to arrive'],
};

/**
 * Node could not parse the request, so there is no URL to tell a page from the API: the JSON
 * error shape, written to the socket as Node's own handler would.
 */
function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] = PARSER_ERRORS[err.code ?? ''] ?? [
    400,
    'bad_request',
    'The request could not be read',
  ];
  const body = JSON.stringify({ error: { code, message } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${String(status)} ${STATUS_CODES[status] ?? ''}\r\nContent-Length: ${String(Buffer.byteLength(body))}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}

/** The Fastify options that route its own errors into the one error shape. */
export const frameworkErrorOptions = { frameworkErrors, clientErrorHandler };
