// The open311 feature offers the others only what is exported here: GeoReport v2 at
// /open311/v2 (services, requests, tokens and mySociety's updates extension), a translation
// of the reports feature for other people's tools. Everything else in this folder is private.

export { OPEN311_PREFIX, registerOpen311 } from './open311.plugin.js';
