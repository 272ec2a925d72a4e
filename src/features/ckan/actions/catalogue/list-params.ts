import { ckanValidation, int, json, str, type CkanCall } from '../../ckan-action.js';

// The paging and sorting parameters shared by organization_list and group_list.

export interface Listed {
  name: string;
  title: string;
  package_count: number;
}

export function listParams(call: CkanCall) {
  const limit = int(call, 'limit', { default: 1000, min: 0, max: 1000 });
  const offset = int(call, 'offset', { default: 0, min: 0 });
  const sort = str(call, 'sort') ?? 'title asc';
  const [field = '', direction = 'asc'] = sort.trim().split(/\s+/);
  const key = field === 'display_name' ? 'title' : field;
  if (!['name', 'title', 'package_count'].includes(key) || !['asc', 'desc'].includes(direction)) {
    throw ckanValidation('sort', 'Sort by name, title or package_count, then asc or desc');
  }
  const only = json(call, 'organizations') ?? json(call, 'groups');
  if (only !== undefined && !(Array.isArray(only) && only.every((x) => typeof x === 'string'))) {
    throw ckanValidation('organizations', 'Must be a JSON list of names');
  }
  return {
    limit,
    offset,
    only,
    order: <T extends Listed>(items: T[]): T[] => {
      const sign = direction === 'desc' ? -1 : 1;
      const cmp = (a: T, b: T) =>
        key === 'package_count'
          ? a.package_count - b.package_count
          : a[key as 'name' | 'title'].localeCompare(b[key as 'name' | 'title'], 'en');
      return items.sort((a, b) => sign * cmp(a, b) || a.name.localeCompare(b.name));
    },
  };
}
