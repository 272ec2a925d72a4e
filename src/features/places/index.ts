// The places feature offers the others only what is exported here: the postcode directory
// (import, lookup, its API). Everything else in this folder is private to it.

export { normalisePostcode, isPostcodeShape } from './postcode.js';
export { osgbToWgs84 } from './osgb.js';
export { POSTCODE_SOURCES, type PostcodeRecord, type PostcodeSource } from './postcode-layouts.js';
export {
  importPostcodes,
  importReportLines,
  type PostcodeImportOptions,
  type PostcodeImportReport,
} from './postcode-import.service.js';
export { lookupPostcode, postcodeCount, type Postcode } from './postcode.service.js';
export { seedPostcodes } from './postcode-seed.service.js';
export { registerPostcodes } from './postcode.routes.js';
