// Harvesting other portals' catalogues into this one: sources, runs, and the harvesters that
// read each kind of portal. Other features use only what is exported here.

export { createSource, SOURCE_TYPES, type SourceInput } from './harvest-source.service.js';
export { runHarvest, HARVEST_PUBLISHER, FAILING_RUNS } from './harvest-run.service.js';
export type { HarvestedDataset, HarvestItem, Harvester } from './harvest-record.js';
export { registerHarvest } from './harvest.plugin.js';
export { harvestJobHandlers, queueDueRuns } from './harvest-jobs.js';
export {
  refuseDisabled,
  requestRun,
  runsOf,
  runWithItems,
  sourceFor,
  sourcesFor,
} from './harvest-runs.service.js';
export { harvestProvenance } from './harvest-provenance.js';
export {
  changeSource,
  deleteSource,
  managedSource,
  type SourceChanges,
} from './harvest-source-edit.service.js';
