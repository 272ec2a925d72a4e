import { json, type CkanCall } from '../../ckan-action.js';
import { ckanInvalid } from '../../ckan-failure.js';

// The `resources` of a package dict: each kept (by `id`) or new (a link by `url`; files are
// uploaded with resource_create). Errors are CKAN's nested list, one dict per resource.

export interface ResourceItem {
  id?: string | undefined;
  name?: string | undefined;
  description?: string | undefined;
  format?: string | undefined;
  url?: string | undefined;
}

const WEB_URL = /^https?:\/\/\S+$/i;
const FORMAT = /^[A-Za-z0-9.+-]{1,20}$/;
const TEXT_KEYS = ['id', 'name', 'description', 'format', 'url'] as const;

/** One resource's field errors, CKAN's `{"url": ["Missing value"]}`. */
export function resourceErrors(item: ResourceItem, isNew: boolean): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  if (isNew && !item.url) errors.url = ['Missing value: a link needs its address'];
  if (item.url && (!WEB_URL.test(item.url) || item.url.length > 2000)) {
    errors.url = ['Please provide a valid URL (http:// or https://)'];
  }
  if (item.format && !FORMAT.test(item.format)) {
    errors.format = ['Must be a short format name like CSV'];
  }
  if (item.name !== undefined && item.name.length > 200) {
    errors.name = ['Must be a maximum of 200 characters long'];
  }
  if (item.description !== undefined && item.description.length > 10_000) {
    errors.description = ['Must be a maximum of 10000 characters long'];
  }
  return errors;
}

/** The name of a new link: the one given, else the file name its address ends with. */
export function linkName(item: ResourceItem): string {
  const given = item.name?.trim();
  if (given) return given;
  const url = item.url ?? '';
  let last = '';
  try {
    last = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
  } catch {
    // A malformed escape in the path: the whole address names it.
  }
  return last === '' ? url : last;
}

/** The `resources` sent, checked; undefined when none was sent. */
export function resourceItems(call: CkanCall): ResourceItem[] | undefined {
  const value = json(call, 'resources');
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw ckanInvalid({ resources: ['Must be a list'] });
  const items = (value as unknown[]).map((raw): ResourceItem => {
    const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const item: ResourceItem = {};
    for (const key of TEXT_KEYS) {
      const v = r[key];
      if (typeof v === 'string' && v !== '') item[key] = v;
    }
    return item;
  });
  const errors = items.map((item) => resourceErrors(item, item.id === undefined));
  if (errors.some((e) => Object.keys(e).length > 0)) throw ckanInvalid({ resources: errors });
  return items;
}
