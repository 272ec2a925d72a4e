import { readableResource, scanCatalogue } from '../../../catalog/index.js';
import { datastoreStatuses } from '../../../datastore/index.js';
import { anonymous } from '../../../accounts/index.js';
import { int, str, type CkanAction } from '../../ckan-action.js';
import { resourceDict, showPackage } from '../../ckan-package.js';

// package_list, package_show and resource_show.

const packageList: CkanAction = {
  name: 'package_list',
  help: "Return a list of the names of the site's datasets (packages).\n\n:param limit: if given, the list of datasets will be broken into pages of\n    at most ``limit`` datasets per page and only one page will be returned\n    at a time (optional)\n:type limit: int\n:param offset: when ``limit`` is given, the offset to start\n    returning packages from\n:type offset: int\n\n:rtype: list of strings",
  run: async (call) => {
    const limit = int(call, 'limit', { default: -1, min: 0 });
    const offset = int(call, 'offset', { default: 0, min: 0 });
    // CKAN lists public active datasets only, whoever asks: the same list for everyone.
    const scan = await scanCatalogue(call.ctx, anonymous, {
      q: '',
      scored: false,
      includePrivate: false,
      includeDrafts: false,
    });
    const names = scan.hits.map(scan.slug).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return limit < 0 ? names.slice(offset) : names.slice(offset, offset + limit);
  },
};

const packageShow: CkanAction = {
  name: 'package_show',
  help: 'Return the metadata of a dataset (package) and its resources.\n\n:param id: the id or name of the dataset\n:type id: string\n\n:rtype: dictionary',
  run: (call) => showPackage(call.ctx, call.actor, str(call, 'id', true)),
};

const resourceShow: CkanAction = {
  name: 'resource_show',
  help: 'Return the metadata of a resource.\n\n:param id: the id of the resource\n:type id: string\n\n:rtype: dictionary',
  run: async (call) => {
    const { resource } = await readableResource(call.ctx, call.actor, str(call, 'id', true));
    const statuses = await datastoreStatuses(call.ctx, [resource.id]);
    return resourceDict(resource, statuses.get(resource.id), call.ctx.config.baseUrl);
  },
};

export const packageActions: CkanAction[] = [packageList, packageShow, resourceShow];
