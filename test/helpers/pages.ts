import * as cheerio from 'cheerio';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/**
 * A tiny browser for page tests: keeps cookies between requests (sign-in session, CSRF secret)
 * and reads forms' CSRF tokens from pages, so tests go through the site as a person does.
 */
export class PageClient {
  readonly cookies = new Map<string, string>();

  /** `remoteAddress`: the client address the app sees (`request.ip`), as from another machine. */
  constructor(
    private readonly app: FastifyInstance,
    private readonly options: { remoteAddress?: string } = {},
  ) {}

  private keep(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of res.cookies as {
      name: string;
      value: string;
      maxAge?: number;
      expires?: Date;
    }[]) {
      const gone =
        c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() < Date.now()) || !c.value;
      if (gone) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.keep(
      await this.app.inject({
        url,
        headers: { cookie: this.cookieHeader, ...headers },
        ...this.options,
      }),
    );
  }

  /** A url-encoded form post; `csrf` is read from `from` (a page URL) unless given. */
  async post(
    url: string,
    form: Record<string, string | string[]>,
    options: { from?: string; csrf?: string | null } = {},
  ): Promise<LightMyRequestResponse> {
    const csrf =
      options.csrf === undefined ? await this.csrfFrom(options.from ?? url) : options.csrf;
    const body = new URLSearchParams();
    if (csrf !== null) body.append('_csrf', csrf);
    for (const [k, v] of Object.entries(form)) {
      for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    }
    return this.keep(
      await this.app.inject({
        method: 'POST',
        url,
        headers: { cookie: this.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
        payload: body.toString(),
        ...this.options,
      }),
    );
  }

  /** Multipart post (an upload form), with the CSRF token as the first field. */
  async upload(
    url: string,
    payload: { body: Buffer; contentType: string },
  ): Promise<LightMyRequestResponse> {
    return this.keep(
      await this.app.inject({
        method: 'POST',
        url,
        headers: { cookie: this.cookieHeader, 'content-type': payload.contentType },
        payload: payload.body,
        ...this.options,
      }),
    );
  }

  async csrfFrom(pageUrl: string): Promise<string> {
    const res = await this.get(pageUrl);
    const token = cheerio.load(res.body)('input[name="_csrf"]').first().val();
    if (typeof token !== 'string')
      throw new Error(`No CSRF token on ${pageUrl} (${res.statusCode})`);
    return token;
  }

  async signIn(email: string, password: string): Promise<LightMyRequestResponse> {
    return this.post('/sign-in', { email, password }, { from: '/sign-in' });
  }
}

/** A browser signed in as `email`; throws when the sign-in is not accepted (303). */
export async function signedInAs(
  app: ConstructorParameters<typeof PageClient>[0],
  email: string,
  password: string,
): Promise<PageClient> {
  const browser = new PageClient(app);
  const res = await browser.signIn(email, password);
  if (res.statusCode !== 303) throw new Error(`Sign-in as ${email}: ${res.statusCode} ${res.body}`);
  return browser;
}

export const $ = (html: string) => cheerio.load(html);

/** The text of the page's one h1, trimmed. */
export const h1 = (html: string) => cheerio.load(html)('h1').text().trim();
