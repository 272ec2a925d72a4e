import type { CkanAction } from '../../ckan-action.js';

/** datastore_search, datastore_search_sql and datastore_info over the datastore and SQL endpoint. */
export const datastoreActions: CkanAction[] = [];
