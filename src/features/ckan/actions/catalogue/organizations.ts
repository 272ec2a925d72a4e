import { listPublishers } from '../../../catalog/index.js';
import { notFound } from '../../../../platform/errors.js';
import { bool, str, type CkanAction, type CkanCall } from '../../ckan-action.js';
import { packagesOf } from './packages-of.js';
import { organizationDict } from '../../ckan-words.js';
import { listParams } from './list-params.js';
import { visibleCounts } from './visible-counts.js';

// organization_list and organization_show: our organisations as CKAN organizations, their
// dataset counts as the caller may see them.

async function organizations(call: CkanCall) {
  const [rows, counts] = await Promise.all([
    listPublishers(call.ctx, call.actor),
    visibleCounts(call, 'organisation'),
  ]);
  return rows.map((o) => ({
    ...organizationDict(o),
    display_name: o.name,
    image_display_url: '',
    package_count: counts.get(o.slug) ?? 0,
    num_followers: 0,
  }));
}

const organizationList: CkanAction = {
  name: 'organization_list',
  help: "Return a list of the names of the site's organizations.\n\n:param sort: sorting of the search results.  Optional.  Default:\n    \"title asc\" string field and sort-order combination. Allowed fields are\n    'name', 'title' and 'package_count'\n:type sort: string\n:param limit: the maximum number of organizations returned (optional)\n:type limit: int\n:param offset: when ``limit`` is given, the offset to start\n    returning organizations from\n:type offset: int\n:param organizations: a list of names of the organizations to return, if given only\n    organizations whose names are in this list will be returned (optional)\n:type organizations: list of strings\n:param all_fields: return group dictionaries instead of just names. (optional, default: ``False``)\n:type all_fields: bool\n\n:rtype: list of strings or dicts",
  run: async (call) => {
    const { limit, offset, only, order } = listParams(call);
    const allFields = bool(call, 'all_fields', false);
    const all = order(await organizations(call)).filter((o) => !only || only.includes(o.name));
    const page = all.slice(offset, offset + limit);
    return allFields ? page : page.map((o) => o.name);
  },
};

const organizationShow: CkanAction = {
  name: 'organization_show',
  help: "Return the details of a organization.\n\n:param id: the id or name of the organization\n:type id: string\n:param include_datasets: include a truncated list of the org's datasets (optional, default: ``False``)\n:type include_datasets: bool\n:param include_dataset_count: include the full package_count (optional, default: ``True``)\n:type include_dataset_count: bool\n\n:rtype: dictionary",
  run: async (call) => {
    const id = str(call, 'id', true);
    const org = (await organizations(call)).find((o) => o.id === id || o.name === id);
    if (!org) throw notFound(`Organization ${id}`);
    const packages = bool(call, 'include_datasets', false)
      ? await packagesOf(call, `organization:"${org.name}"`)
      : undefined;
    const { package_count, ...rest } = org;
    return {
      ...rest,
      ...(bool(call, 'include_dataset_count', true) ? { package_count } : {}),
      ...(packages ? { packages } : {}),
      users: [],
      extras: [],
      tags: [],
      groups: [],
    };
  },
};

export const organizationActions: CkanAction[] = [organizationList, organizationShow];
