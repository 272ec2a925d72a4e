import type { CkanAction } from '../../ckan-action.js';

/** package_list, package_search, package_show and the other catalogue reads. */
export const catalogueActions: CkanAction[] = [];
