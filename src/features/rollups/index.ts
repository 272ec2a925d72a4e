// Roll-ups: regional tables combined from the councils' resources that share a Table Schema,
// with a per-member validation report. Other features use only what is exported here.

export { registerRollups } from './rollups.plugin.js';
export { rollupJobHandlers, queueStaleRebuilds } from './rollup-jobs.js';
export { rebuildRollup, ROLLUP_PUBLISHER, type BuildOutcome } from './rollup-build.service.js';
export { createRollup, type RollupInput } from './rollup.service.js';
export { addRollupMember } from './rollup-members.service.js';
export type { TableSchema, SchemaField } from './table-schema.js';
