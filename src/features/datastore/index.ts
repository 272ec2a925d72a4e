// The datastore offers the others only what is exported here: a resource's data as queries,
// charts and exports, its loads and versions, and its API and pages. The rest is private to it.

export { registerDatastore } from './datastore.plugin.js';
export { datastoreResourceData } from './resource-data.js';
