import type { QueryInput } from '../../../datastore/index.js';
import { bool, ckanValidation, int, json, str, type CkanCall } from '../../ckan-action.js';

// datastore_search's parameters, CKAN's way, as the datastore's query: `filters` {field: value
// or [values]}, `q` (text over the row, or {field: text}), `fields` and `sort` as lists or
// comma-separated text ("total desc, ward"), `distinct`, `limit` and `offset`.

/** CKAN's ceiling on a page (ckan.datastore.search.rows_max): asking for more gets this many. */
export const ROWS_MAX = 32_000;

type Scalar = string | number | boolean | null;
const isScalar = (v: unknown): v is Scalar =>
  v === null || ['string', 'number', 'boolean'].includes(typeof v);

function filtersOf(call: CkanCall): NonNullable<QueryInput['filters']> {
  const value = json(call, 'filters');
  if (value === undefined) return [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw ckanValidation('filters', 'Must be a JSON object of field: value');
  }
  return Object.entries(value as Record<string, unknown>).map(([field, v]) => {
    if (Array.isArray(v)) {
      if (!v.every(isScalar)) throw ckanValidation('filters', `Values of "${field}" are not text`);
      return { field, op: 'in' as const, value: v };
    }
    if (!isScalar(v)) throw ckanValidation('filters', `The value of "${field}" is not text`);
    return v === null ? { field, op: 'is_null' as const } : { field, op: 'eq' as const, value: v };
  });
}

/** `q`: text searched over the whole row, or {field: text} searched in each field. */
function searchOf(call: CkanCall): { q?: string; filters: NonNullable<QueryInput['filters']> } {
  const raw = call.params.q;
  const value = typeof raw === 'string' && raw.trim().startsWith('{') ? json(call, 'q') : raw;
  if (value === undefined || value === null || value === '') return { filters: [] };
  if (typeof value === 'string') return { q: value, filters: [] };
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw ckanValidation('q', 'Must be text or a JSON object of field: text');
  }
  return {
    filters: Object.entries(value as Record<string, unknown>).map(([field, v]) => {
      if (typeof v !== 'string') throw ckanValidation('q', `The text for "${field}" is not text`);
      return { field, op: 'contains' as const, value: v };
    }),
  };
}

/** A list parameter: a JSON list, or comma-separated text. */
function listOf(call: CkanCall, name: string): string[] | undefined {
  const raw = call.params[name];
  const value = typeof raw === 'string' && raw.trim().startsWith('[') ? json(call, name) : raw;
  if (value === undefined || value === null || value === '') return undefined;
  const items = typeof value === 'string' ? value.split(',') : value;
  if (!Array.isArray(items) || !items.every((i) => typeof i === 'string')) {
    throw ckanValidation(name, 'Must be a list of field names');
  }
  return items.map((i) => i.trim()).filter(Boolean);
}

function sortOf(call: CkanCall): QueryInput['sort'] {
  const items = listOf(call, 'sort');
  if (!items) return undefined;
  return items.map((item) => {
    // Nulls come last either way here, so CKAN's "nulls last" is what is done anyway.
    const m = /^"?([^"]+?)"?(?:\s+(asc|desc))?(?:\s+nulls\s+last)?$/i.exec(item);
    if (!m?.[1]) throw ckanValidation('sort', `Cannot sort by ${JSON.stringify(item)}`);
    return { field: m[1], dir: (m[2]?.toLowerCase() ?? 'asc') as 'asc' | 'desc' };
  });
}

export interface SearchParams {
  resourceId: string;
  input: QueryInput;
  /** The fields asked for, in order (`_id` among them only if asked). */
  fields: string[] | undefined;
  includeTotal: boolean;
  format: 'objects' | 'lists' | 'csv' | 'tsv';
  offsetGiven: boolean;
}

const FORMATS = ['objects', 'lists', 'csv', 'tsv'] as const;

export function searchParams(call: CkanCall): SearchParams {
  const resourceId = str(call, 'resource_id') ?? str(call, 'id') ?? str(call, 'resource_id', true);
  const search = searchOf(call);
  const filters = [...filtersOf(call), ...search.filters];
  const fields = listOf(call, 'fields');
  const distinct = bool(call, 'distinct', false);
  const sort = sortOf(call);
  const format = str(call, 'records_format') ?? 'objects';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw ckanValidation('records_format', `Must be one of ${FORMATS.join(', ')}`);
  }
  const input: QueryInput = {
    limit: Math.min(int(call, 'limit', { default: 100, min: 0 }), ROWS_MAX),
    offset: int(call, 'offset', { default: 0, min: 0 }),
    ...(filters.length > 0 ? { filters } : {}),
    ...(search.q === undefined ? {} : { q: search.q }),
    ...(sort ? { sort } : {}),
  };
  const data = fields?.filter((f) => f !== '_id');
  // Distinct rows of the fields asked for are their groups (the count column is not answered).
  if (data && distinct && data.length > 0) input.group_by = data;
  else if (data) input.fields = data;
  return {
    resourceId,
    input,
    fields,
    includeTotal: bool(call, 'include_total', true),
    format: format as SearchParams['format'],
    offsetGiven: call.params.offset !== undefined,
  };
}
