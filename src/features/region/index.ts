// The region feature offers the others only what is exported here: the one region this
// install serves, its name, settings and boundary, and its API. The rest is private to it.

export { registerRegion } from './region.routes.js';
export {
  findRegion,
  getRegion,
  regionName,
  regionNameCache,
  regionSettings,
  saveRegion,
  setRegionBoundary,
} from './region.service.js';
