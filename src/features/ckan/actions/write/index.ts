import type { CkanAction } from '../../ckan-action.js';

/** package_create … resource_delete: writes, with a token, by the same policy as the API. */
export const writeActions: CkanAction[] = [];
