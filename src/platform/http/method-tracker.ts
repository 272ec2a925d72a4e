import type { FastifyInstance } from 'fastify';

/**
 * The methods each route pattern answers, to tell "no such address" (404) from "not with this
 * method" (405, with Allow). Route patterns become regular expressions once, when registered.
 */
export function methodTracker(app: FastifyInstance): (path: string) => string[] {
  const routes: { pattern: RegExp; methods: string[] }[] = [];
  app.addHook('onRoute', (route) => {
    const source = route.url
      .split(/(:[A-Za-z0-9_]+|\*)/)
      .map((part) =>
        part === '*'
          ? '.*'
          : part.startsWith(':')
            ? '[^/]+?'
            : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('');
    // OPTIONS * is CORS's preflight for every address: not a method any resource has.
    const methods = [route.method].flat().filter((m) => m !== 'OPTIONS');
    if (methods.length > 0) routes.push({ pattern: new RegExp(`^${source}/?$`), methods });
  });
  return (path) => [
    ...new Set(routes.filter((r) => r.pattern.test(path)).flatMap((r) => r.methods)),
  ];
}
