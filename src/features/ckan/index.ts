// The CKAN Action API offers the others only its registration: it is a translation of the
// catalogue, the datastore and the SQL endpoint into CKAN's words, and nothing depends on it.

export { registerCkan } from './ckan.plugin.js';
