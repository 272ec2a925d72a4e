import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: object }> }>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, object> };
}

/** `/api/v1/datasets/{slug}` as a pattern that matches `/api/v1/datasets/bus-stops`. */
function pathPattern(template: string): RegExp {
  const escaped = template
    .split(/\{[^}]+\}/)
    .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  return new RegExp(`^${escaped}$`);
}

/**
 * Checks real responses against the published OpenAPI document: the status must be one the
 * operation documents, and a JSON body must validate against its schema. So the document can
 * never drift from what the API does.
 */
export class ContractChecker {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly routes: { pattern: RegExp; template: string; specificity: number }[];

  constructor(private readonly doc: OpenApiDocument) {
    addFormats(this.ajv);
    this.routes = Object.keys(doc.paths).map((template) => ({
      template,
      pattern: pathPattern(template),
      // Literal segments win over parameters (`/resources/{id}/query` over `/{id}`).
      specificity: template.replace(/\{[^}]+\}/g, '').length,
    }));
    this.routes.sort((a, b) => b.specificity - a.specificity);
  }

  /** The problems with one response, or [] when it keeps the contract (or is not API). */
  check(requestMethod: string, url: string, res: LightMyRequestResponse): string[] {
    let method = requestMethod.toUpperCase();
    const path = url.split('?')[0] ?? url;
    if (!/^\/api\/v1(\/|$)/.test(path) || path === '/api/v1/openapi.json') return [];
    // Preflights are CORS's; HEAD is answered as GET without the body.
    if (method === 'OPTIONS') return [];
    if (method === 'HEAD') method = 'GET';
    const route = this.routes.find((r) => r.pattern.test(path));
    if (!route) {
      return res.statusCode === 404 ? [] : [`${method} ${path}: not in the OpenAPI document`];
    }
    const op = this.doc.paths[route.template]?.[method.toLowerCase()];
    // 405: a method the address does not have (Allow lists those it has).
    if (!op) {
      return [404, 405].includes(res.statusCode)
        ? []
        : [`${method} ${route.template}: undocumented`];
    }
    const status = String(res.statusCode);
    const response = op.responses?.[status];
    const where = `${method} ${route.template} ${status}`;
    if (!response) return [`${where}: status not documented (body: ${res.body.slice(0, 300)})`];
    const type = String(res.headers['content-type'] ?? '').split(';')[0] ?? '';
    const content = response.content ?? {};
    // A file (a download or an export) is documented by its media types, not a schema.
    const isFile = Object.values(content).some(
      (c) => (c.schema as { format?: string } | undefined)?.format === 'binary',
    );
    if (isFile) {
      const known = Object.keys(content).some((t) => t === '*/*' || t.split(';')[0] === type);
      return known ? [] : [`${where}: a file of type ${type} not documented`];
    }
    if (type !== 'application/json' || res.body === '') return [];
    const schema = content['application/json']?.schema;
    if (!schema) return [`${where}: a JSON body without a documented schema`];
    const validate = this.validator(where, schema);
    if (validate(JSON.parse(res.body))) return [];
    return (validate.errors ?? []).map((e) => `${where}: ${e.instancePath || '/'} ${e.message}`);
  }

  private validator(key: string, schema: object): ValidateFunction {
    let v = this.compiled.get(key);
    if (!v) {
      // The operation's schema with the document's components beside it, for its $refs.
      v = this.ajv.compile({ ...schema, components: this.doc.components });
      this.compiled.set(key, v);
    }
    return v;
  }
}

/** Makes every `app.inject()` of a test also check the response against the contract. */
export function checkContractOnInject(app: FastifyInstance): void {
  const checker = new ContractChecker(app.swagger() as unknown as OpenApiDocument);
  const inject = app.inject.bind(app);
  const checked = async (options: string | { url?: unknown; path?: unknown; method?: unknown }) => {
    const res = await inject(options as never);
    const opts = typeof options === 'string' ? { url: options } : options;
    const url =
      typeof opts.url === 'string' ? opts.url : typeof opts.path === 'string' ? opts.path : '';
    const method = typeof opts.method === 'string' ? opts.method : 'GET';
    const problems = checker.check(method, url, res);
    if (problems.length > 0) {
      throw new Error(`The response breaks the API contract:\n${problems.join('\n')}`);
    }
    return res;
  };
  Object.defineProperty(app, 'inject', { value: checked });
}
