// The areas feature offers the others only what is exported here: where a point is (which
// bodies answer for it, which ward), the wards themselves, and the boundary import that loads
// them. The rest is private to it.

export { registerAreas } from './areas.plugin.js';
export { importBoundaryFile, type BoundaryImportOptions } from './boundary-import.js';
export { locate, type Body, type Located } from './locate.service.js';
export { importWardFeatures } from './ward-import.service.js';
export { addWardsIfNone, type WardInput } from './ward.service.js';
export { buildLocator, type Area, type Locator } from './locator.js';
export {
  outlinesAt,
  searchPlaces,
  type AreaOutline,
  type PlaceMatch,
} from './place-search.service.js';
