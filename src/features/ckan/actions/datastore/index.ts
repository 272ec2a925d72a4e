import type { CkanAction } from '../../ckan-action.js';
import { datastoreInfo } from './datastore-info.js';
import { datastoreSearch } from './datastore-search.js';
import { datastoreSearchSql } from './datastore-search-sql.js';

/** datastore_search, datastore_search_sql and datastore_info over the datastore and SQL endpoint. */
export const datastoreActions: CkanAction[] = [datastoreSearch, datastoreSearchSql, datastoreInfo];
