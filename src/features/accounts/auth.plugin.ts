import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { DomainError, unauthorized } from '../../platform/errors.js';
import { anonymous, type Actor } from './actor.js';
import { authenticateSession, SESSION_COOKIE } from './session.service.js';
import { authenticateToken } from './token.service.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
}

const API_PATH = /^\/api\/(?!docs(?:[/?]|$))/;
const SAFE_METHODS = new Set(['GET', 'HEAD']);
// Files and probes never depend on who is asking: no session lookup for them.
const ANONYMOUS_PATH =
  /^\/(?:assets\/|theme\.css|healthz|readyz|metrics|robots\.txt|sitemap\.xml|datasets\.atom)/;

/**
 * Whether a sign-in cookie counts for this request. Pages: always (their forms carry a CSRF
 * token). The JSON API: only for reads, and then with the "read" scope only, so a page's
 * script can read the private data its user may see, while every API write needs a bearer
 * token (no CSRF token protects the API, and a cookie is sent by the browser on its own).
 */
function sessionScope(request: FastifyRequest): 'all' | 'read' | null {
  if (ANONYMOUS_PATH.test(request.url)) return null;
  if (!API_PATH.test(request.url)) return 'all';
  return SAFE_METHODS.has(request.method) ? 'read' : null;
}

/** Pages only a signed-in person sees: the publisher area and their own account. */
const SIGNED_IN_PATH = /^\/(?:publish|account|admin)(?:[/?]|$)/;

export function sessionCookieOptions(ctx: AppContext) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: ctx.config.baseUrl.startsWith('https://'),
  };
}

async function fromSession(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Actor> {
  const scope = sessionScope(request);
  const header = request.headers.cookie;
  if (!scope || !header) return anonymous;
  // Parsed here: the cookie plugin's own hook runs after this one.
  const token = request.server.parseCookie(header)[SESSION_COOKIE];
  if (!token) return anonymous;
  const actor = await authenticateSession(ctx, token);
  if (!actor) {
    // Expired or signed out elsewhere: the visitor carries on signed out.
    reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(ctx));
    return anonymous;
  }
  if (scope === 'all') return actor;
  // An API answer that depended on the cookie may hold private data: no shared cache keeps it.
  reply.header('cache-control', 'private, no-cache');
  return { ...actor, scopes: new Set(['read']) };
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;
/** The CKAN Action API, whose clients send the bare token: `Authorization: <token>`. */
const CKAN_PATH = /^\/api\/(?:3\/)?action\//;
const BARE_TOKEN = /^\s*([A-Za-z0-9_.~+/=-]+)\s*$/;

/** Older CKAN clients (ckan.js, ckanclient) send the token as `X-CKAN-API-Key` instead. */
function ckanApiKey(request: FastifyRequest): string | undefined {
  const key = request.headers['x-ckan-api-key'];
  return typeof key === 'string' && key.trim() !== '' && CKAN_PATH.test(request.url)
    ? key
    : undefined;
}

/** The token an API request carries: `Bearer <token>`, or on CKAN's paths the bare token too. */
function apiToken(url: string, header: string): string | undefined {
  const bearer = BEARER.exec(header)?.[1];
  if (bearer || !CKAN_PATH.test(url)) return bearer;
  return BARE_TOKEN.exec(header)?.[1];
}

/**
 * A page's actor when the request carries an Authorization header. Pages are for people: the
 * header may be a proxy's Basic credentials or a scanner's junk, so one that is not a valid token
 * of this site is ignored (the cookie decides, as without it) rather than failing the page.
 */
async function pageActor(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  header: string,
): Promise<Actor> {
  const token = BEARER.exec(header)?.[1];
  if (token) {
    try {
      return await authenticateToken(ctx, token);
    } catch (err) {
      if (!(err instanceof DomainError) || err.kind !== 'unauthenticated') throw err;
    }
  }
  return fromSession(ctx, request, reply);
}

/**
 * Sets `request.actor` from `Authorization: Bearer <token>` (on the API a bad token is a 401,
 * never ignored; pages ignore it, see `pageActor`), or else from the `md_session` sign-in cookie
 * (see `sessionScope`).
 */
export function registerAuth(app: FastifyInstance, ctx: AppContext): void {
  // null until the onRequest hook below runs (Fastify forbids object defaults on requests).
  app.decorateRequest('actor', null as unknown as Actor);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    request.actor = anonymous;
    const header = request.headers.authorization ?? ckanApiKey(request);
    if (header === undefined) {
      request.actor = await fromSession(ctx, request, reply);
      return;
    }
    if (!API_PATH.test(request.url)) {
      request.actor = await pageActor(ctx, request, reply, header);
      return;
    }
    // No route: a 404 whoever asks, rather than a 401 about a credential it would never read.
    if (request.routeOptions.url === undefined) return;
    const token = apiToken(request.url, header);
    if (!token) {
      throw unauthorized('Send the API token as "Authorization: Bearer <token>"', 'invalid_token');
    }
    request.actor = await authenticateToken(ctx, token);
  });
  // One guard for every page that needs a person: a signed-out visitor is sent to sign in and
  // brought back afterwards. What a signed-in person may do there is the policy's answer.
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.actor.user || !SIGNED_IN_PATH.test(request.url)) return;
    const next = request.method === 'GET' ? request.url : '/publish';
    await reply.redirect(`/sign-in?next=${encodeURIComponent(next)}`, 303);
  });
}
