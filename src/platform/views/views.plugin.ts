import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { claimMetaKey, findMetaValue } from '../db/meta.repository.js';
import { HttpError } from '../http/errors.js';
import { createViewEnvironment } from './environment.js';
import { flashFor } from './flash.js';
import { publicDir } from './paths.js';

export type PageLocals = Record<string, unknown>;

// Helmet's CSP middleware, which @fastify/helmet exports at run time but not in its types.
const cspMiddleware = (
  helmet as unknown as {
    contentSecurityPolicy: (options: {
      directives: Record<string, unknown>;
    }) => (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
  }
).contentSecurityPolicy;

declare module 'fastify' {
  interface FastifyReply {
    /** Renders a page template with the site's locals (name, user, CSRF token) added. */
    page(template: string, locals: PageLocals, status?: number): Promise<FastifyReply>;
  }
}

/** What the header needs of who is asking (the accounts feature's actor, seen from here). */
interface PageActor {
  user: { isSiteAdmin: boolean } | null;
  roles: ReadonlyMap<string, unknown>;
}

/** A signed-in person with no role anywhere: the header offers their reports, not Publish. */
const isResident = (actor: PageActor | null): boolean =>
  !!actor?.user && !actor.user.isSiteAdmin && actor.roles.size === 0;

/** The secret signing cookies: SESSION_SECRET, else one generated once and shared via the db. */
async function cookieSecret(ctx: AppContext): Promise<string> {
  if (ctx.config.sessionSecret) return ctx.config.sessionSecret;
  await claimMetaKey(ctx.db.kysely, 'cookie_secret', randomBytes(32).toString('base64url'));
  const secret = await findMetaValue(ctx.db.kysely, 'cookie_secret');
  if (!secret) throw new Error('Could not create the cookie secret');
  return secret;
}

/**
 * Web pages: security headers (a CSP with no 'unsafe-inline': scripts and styles are files, the
 * template's one inline script carries a nonce), static assets, cookies, CSRF protection for
 * forms, and `reply.page()`.
 */
export interface ViewOptions {
  /** The site's name in every page's header (the region's, given by the region feature). */
  siteName: () => Promise<string>;
}

export async function registerViews(
  app: FastifyInstance,
  ctx: AppContext,
  options: ViewOptions,
): Promise<void> {
  const env = createViewEnvironment();
  const secure = ctx.config.baseUrl.startsWith('https://');
  const tileOrigin = new URL(ctx.config.mapTileUrl.replace(/\{[a-z]\}/g, '0')).origin;

  const directives = {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:', tileOrigin],
    connectSrc: ["'self'"],
    fontSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    upgradeInsecureRequests: secure ? [] : null,
  };
  await app.register(helmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: { directives },
    // Open data is meant to be embedded and fetched from other sites.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    hsts: secure,
  });

  /**
   * The page's script nonce. Helmet's hooks set it and the headers on every request, unless a
   * hook that ran before them failed: then this sets the CSP with a fresh nonce, and the plain
   * headers, so even that error page keeps them (it once answered a bare 500 instead).
   */
  function scriptNonce(reply: FastifyReply): string {
    const given = reply.cspNonce as FastifyReply['cspNonce'] | null;
    if (given) return given.script;
    const nonce = randomBytes(16).toString('hex');
    reply.cspNonce = { script: nonce, style: nonce };
    const withNonce = { ...directives, scriptSrc: [...directives.scriptSrc, `'nonce-${nonce}'`] };
    cspMiddleware({ directives: withNonce })(reply.request.raw, reply.raw, () => {
      /* synchronous: the header is set */
    });
    reply
      .header('x-content-type-options', 'nosniff')
      .header('x-frame-options', 'SAMEORIGIN')
      .header('referrer-policy', 'no-referrer');
    return nonce;
  }

  await app.register(fastifyStatic, {
    root: publicDir,
    prefix: '/assets/',
    maxAge: '1h',
    index: false,
  });
  await app.register(cookie, { secret: await cookieSecret(ctx) });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'md_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure, signed: true },
  });
  await app.register(formbody, { bodyLimit: ctx.config.maxBodyBytes });
  // Form posts are for pages; the API takes JSON only, as its documentation says.
  app.addHook('onRequest', (request, _reply, done) => {
    const type = request.headers['content-type'] ?? '';
    if (request.url.startsWith('/api/') && type.startsWith('application/x-www-form-urlencoded')) {
      done(new HttpError(415, 'unsupported_media_type', 'The API accepts application/json bodies'));
      return;
    }
    done();
  });

  // The region's colour, set at run time so a region restyles without rebuilding the Sass.
  const theme = `:root{--app-brand-colour:${ctx.config.brandColour};--govuk-brand-colour:${ctx.config.brandColour}}\n`;
  app.get('/theme.css', { schema: { hide: true } }, (_request, reply) =>
    reply
      .type('text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(theme),
  );

  const flash = flashFor(secure);
  app.decorateReply('flash', function (this: FastifyReply, message: string) {
    return flash.set(this, message);
  });

  app.decorateReply(
    'page',
    async function page(
      this: FastifyReply,
      template: string,
      locals: PageLocals,
      status = 200,
    ): Promise<FastifyReply> {
      const request: FastifyRequest = this.request;
      const context = {
        site: { name: await options.siteName(), brandColour: ctx.config.brandColour },
        // No actor when the request failed before the auth hook ran: shown as signed out.
        user: (request.actor as { user: unknown } | null)?.user ?? null,
        resident: isResident(request.actor),
        cspNonce: scriptNonce(this),
        currentPath: request.url,
        csrfToken: () => this.generateCsrf(),
        flash: flash.take(this),
        ...locals,
      };
      const html = await new Promise<string>((resolve, reject) => {
        env.render(template, context, (err, out) => {
          if (err) reject(err);
          else resolve(out ?? '');
        });
      });
      // A route may have asked for stricter caching (no-store for a page showing a secret).
      if (!this.hasHeader('cache-control')) this.header('cache-control', 'private, no-cache');
      return this.status(status).type('text/html; charset=utf-8').send(html);
    },
  );
}
