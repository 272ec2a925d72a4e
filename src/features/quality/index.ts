// Quality scores: each dataset's openness stars and metadata quality (the European data
// portal's MQA), resource link checks, and per-organisation summaries. Other features use only
// what is exported here.

export { noRequests, type BodyResponsiveness, type RequestFigures } from './body-responsiveness.js';
export { checkDueLinks, checkLinks } from './link-checker.js';
export { qualityJobHandlers, queueLinkCheck, queueRescore, rescorePass } from './quality-jobs.js';
export { scoreDatasets } from './quality-recompute.js';
export { registerQuality } from './quality.plugin.js';
export { qualityPanel } from './quality-panel.js';
export {
  QUALITY_EXTRA_KEYS,
  qualityExtras,
  qualityMeasures,
  type QualityMeasures,
} from './quality-extras.js';
