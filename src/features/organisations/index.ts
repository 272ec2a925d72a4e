// The organisations feature offers the others only what is exported here: the region's
// publishing bodies, their boundaries and members, with their pages and API.
// Everything else in this folder is private to it.

export {
  importRegionBoundaries,
  importRegionFeatures,
  placeKey,
} from './boundary-import.service.js';
export {
  readBoundaryFeatures,
  type BoundaryFeature,
  type BoundaryGeometry,
} from './boundary-file.js';
export { OrganisationKind, type OrganisationCreateInput } from './organisation.schemas.js';
export {
  addMemberToOrganisation,
  allOrganisations,
  combinedAuthorityIds,
  createOrganisation,
  findOrganisation,
  getOrganisation,
  listOrganisationsFor,
  setOrganisationBoundary,
} from './organisation.service.js';
export { registerOrganisations } from './organisations.plugin.js';
export type { OrganisationPanel, OrganisationSection } from './organisation-sections.js';
