import type { CkanAction } from '../../ckan-action.js';
import { packageActions } from './package-actions.js';
import { resourceActions } from './resource-actions.js';

/** package_create … resource_delete: writes, with a token, by the same policy as the API. */
export const writeActions: CkanAction[] = [...packageActions, ...resourceActions];
