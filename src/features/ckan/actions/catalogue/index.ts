import type { CkanAction } from '../../ckan-action.js';
import { activityActions } from './activity.js';
import { groupActions } from './groups.js';
import { organizationActions } from './organizations.js';
import { packageSearch } from './package-search.js';
import { packageActions } from './packages.js';
import { resourceViewActions } from './resource-views.js';
import { tagLicenceActions } from './tags-licences.js';

/** package_list, package_search, package_show and the other catalogue reads. */
export const catalogueActions: CkanAction[] = [
  packageSearch,
  ...packageActions,
  ...organizationActions,
  ...groupActions,
  ...tagLicenceActions,
  ...activityActions,
  ...resourceViewActions,
];
