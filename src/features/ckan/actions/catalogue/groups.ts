import { listThemes } from '../../../catalog/index.js';
import { notFound } from '../../../../platform/errors.js';
import { bool, str, type CkanAction, type CkanCall } from '../../ckan-action.js';
import { groupDict } from '../../ckan-words.js';
import { listParams } from './list-params.js';
import { packagesOf } from './packages-of.js';
import { visibleCounts } from './visible-counts.js';

// group_list and group_show: our themes as CKAN groups (a theme's slug is its id and name).

async function groups(call: CkanCall) {
  const [themes, counts] = await Promise.all([
    listThemes(call.ctx, call.actor),
    visibleCounts(call, 'theme'),
  ]);
  return themes.map((t) => ({
    ...groupDict(t),
    type: 'group',
    is_organization: false,
    approval_status: 'approved',
    state: 'active',
    image_url: '',
    created: null,
    package_count: counts.get(t.slug) ?? 0,
    num_followers: 0,
  }));
}

const groupList: CkanAction = {
  name: 'group_list',
  help: "Return a list of the names of the site's groups (here, the catalogue's themes).\n\n:param sort: sorting of the search results.  Optional.  Default:\n    \"title asc\". Allowed fields are 'name', 'title' and 'package_count'\n:type sort: string\n:param limit: the maximum number of groups returned (optional)\n:type limit: int\n:param offset: when ``limit`` is given, the offset to start returning groups from\n:type offset: int\n:param groups: a list of names of the groups to return (optional)\n:type groups: list of strings\n:param all_fields: return group dictionaries instead of just names. (optional, default: ``False``)\n:type all_fields: bool\n\n:rtype: list of strings or dicts",
  run: async (call) => {
    const { limit, offset, only, order } = listParams(call);
    const all = order(await groups(call)).filter((g) => !only || only.includes(g.name));
    const page = all.slice(offset, offset + limit);
    return bool(call, 'all_fields', false) ? page : page.map((g) => g.name);
  },
};

const groupShow: CkanAction = {
  name: 'group_show',
  help: "Return the details of a group (a theme).\n\n:param id: the id or name of the group\n:type id: string\n:param include_datasets: include a truncated list of the group's datasets (optional, default: ``False``)\n:type include_datasets: bool\n\n:rtype: dictionary",
  run: async (call) => {
    const id = str(call, 'id', true);
    const group = (await groups(call)).find((g) => g.name === id);
    if (!group) throw notFound(`Group ${id}`);
    const packages = bool(call, 'include_datasets', false)
      ? await packagesOf(call, `groups:"${group.name}"`)
      : undefined;
    return {
      ...group,
      ...(packages ? { packages } : {}),
      users: [],
      extras: [],
      groups: [],
      tags: [],
    };
  },
};

export const groupActions: CkanAction[] = [groupList, groupShow];
