// The showcases feature offers the others only what is exported here: what people built on the
// data, its API and pages, and the answer to the catalogue's "built with this data".

export { datasetShowcases } from './dataset-showcases.js';
export { registerShowcases } from './showcases.plugin.js';
export { submitShowcase, type SubmitOptions } from './showcase-submit.service.js';
export { approveShowcase, deleteShowcase, rejectShowcase } from './showcase-moderation.service.js';
export { editShowcase, setShowcaseImage, type ShowcasePatch } from './showcase-edit.service.js';
export {
  getShowcase,
  listShowcases,
  showcaseExists,
  type ShowcaseQuery,
} from './showcase.service.js';
export { SHOWCASE_TYPES, TYPE_LABELS } from './showcase-types.js';
export type { ShowcaseInput } from './showcase-input.js';
export type { PublicShowcase } from './showcase.view.js';
