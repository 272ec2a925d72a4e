import type { FastifyReply } from 'fastify';

const FLASH_COOKIE = 'md_flash';

declare module 'fastify' {
  interface FastifyReply {
    /** A one-line success message for the next page shown (after a redirect): "X was deleted". */
    flash(message: string): FastifyReply;
  }
}

/**
 * A message that survives one redirect: a signed cookie, read and cleared by the next page. Signed,
 * so no one can put words on the site by crafting a link; a cookie, so a reload does not repeat it.
 */
export function flashFor(secure: boolean) {
  const options = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure, signed: true };
  return {
    set(reply: FastifyReply, message: string): FastifyReply {
      return reply.setCookie(FLASH_COOKIE, message.slice(0, 300), { ...options, maxAge: 300 });
    },
    /** The message waiting for this page, if any; it is shown once. */
    take(reply: FastifyReply): string | null {
      // No cookies when the request failed before the cookie plugin's hook (an error page).
      const cookies = reply.request.cookies as Partial<Record<string, string>> | null;
      const raw = cookies?.[FLASH_COOKIE];
      if (raw === undefined) return null;
      reply.clearCookie(FLASH_COOKIE, options);
      const unsigned = reply.unsignCookie(raw);
      return unsigned.valid ? unsigned.value : null;
    },
  };
}
