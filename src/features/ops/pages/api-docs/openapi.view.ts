// Shapes the OpenAPI document for the documentation page: operations grouped by tag, with
// parameter, body and response tables. Only the parts of OpenAPI 3.1 the app emits are read.

interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  description?: string;
}

interface Operation {
  tags?: string[];
  summary?: string;
  description?: string;
  parameters?: {
    name: string;
    in: string;
    required?: boolean;
    schema?: Schema;
    description?: string;
  }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<
    string,
    { description?: string; content?: Record<string, { schema?: Schema }> }
  >;
  security?: unknown[];
}

export interface OpenApiDocument {
  info?: { title?: string; description?: string; version?: string };
  paths?: Record<string, Record<string, Operation>>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** A short human name for a schema: "DatasetSummary", "array of string", "integer or null". */
export function schemaLabel(schema: Schema | undefined): string {
  if (!schema) return '';
  if (schema.$ref) return schema.$ref.split('/').pop() ?? schema.$ref;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    // Literal unions (TypeBox's Type.Literal in a Type.Union) read as one list of values.
    const values = alternatives.flatMap((a) => a.enum ?? ('const' in a ? [a.const] : [null]));
    if (values.length > 0 && values.every((v) => v !== null)) {
      return `one of ${values.map(String).join(', ')}`;
    }
    return [...new Set(alternatives.map(schemaLabel))].join(' or ');
  }
  if ('const' in schema) return String(schema.const);
  if (schema.enum) return `one of ${schema.enum.map(String).join(', ')}`;
  const type = Array.isArray(schema.type) ? schema.type.join(' or ') : schema.type;
  if (type === 'array') return `array of ${schemaLabel(schema.items) || 'values'}`;
  if (type === 'object' && schema.properties) {
    // Named schemas inside (results: array of DatasetSummary) are what a reader looks up next.
    const keys = Object.entries(schema.properties).map(([key, s]) =>
      hasRef(s) ? `${key}: ${schemaLabel(s)}` : key,
    );
    return `object (${keys.slice(0, 8).join(', ')}${keys.length > 8 ? ', …' : ''})`;
  }
  return schema.format ? `${type ?? 'value'} (${schema.format})` : (type ?? 'any');
}

const hasRef = (s: Schema): boolean =>
  s.$ref !== undefined || (s.items !== undefined && hasRef(s.items));

function bodyOf(content: Record<string, { schema?: Schema }> | undefined) {
  const [mediaType, media] = Object.entries(content ?? {})[0] ?? [];
  if (!mediaType) return null;
  const schema = media?.schema;
  const required = new Set(schema?.required ?? []);
  return {
    mediaType,
    label: schemaLabel(schema),
    fields: Object.entries(schema?.properties ?? {}).map(([name, s]) => ({
      name,
      type: schemaLabel(s),
      required: required.has(name),
      description: s.description ?? '',
    })),
  };
}

function operationView(method: string, path: string, op: Operation) {
  return {
    id: `${method}-${path}`.replace(/[^a-zA-Z0-9]+/g, '-').replace(/-+$/, ''),
    method: method.toUpperCase(),
    path,
    summary: op.summary ?? '',
    description: op.description ?? '',
    auth: (op.security ?? []).length > 0,
    parameters: (op.parameters ?? []).map((p) => ({
      name: p.name,
      in: p.in,
      required: p.required === true,
      type: schemaLabel(p.schema),
      description: p.description ?? p.schema?.description ?? '',
    })),
    body: bodyOf(op.requestBody?.content),
    responses: Object.entries(op.responses ?? {}).map(([status, r]) => {
      const body = bodyOf(r.content);
      return { status, description: r.description ?? '', schema: body?.label ?? '' };
    }),
  };
}

export type OperationView = ReturnType<typeof operationView>;

/** Operations grouped by their first tag, groups and operations in document order. */
export function apiDocsView(doc: OpenApiDocument) {
  const groups = new Map<string, OperationView[]>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? 'other';
      const list = groups.get(tag) ?? [];
      list.push(operationView(method, path, op));
      groups.set(tag, list);
    }
  }
  return {
    title: doc.info?.title ?? 'API',
    description: doc.info?.description ?? '',
    version: doc.info?.version ?? '',
    groups: [...groups].map(([tag, operations]) => ({
      tag,
      title: tag.charAt(0).toUpperCase() + tag.slice(1),
      id: `tag-${tag.replace(/[^a-zA-Z0-9]+/g, '-')}`,
      operations,
    })),
  };
}
