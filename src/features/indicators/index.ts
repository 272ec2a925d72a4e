// Indicators and dashboards offer the others only what is exported here: indicators' values,
// summaries and statuses, the dashboards, and their API and pages. The rest is private to them.

export type { DashboardCreateInput, TileInput } from './dashboard.schemas.js';
export { createDashboard, dashboardExists, listDashboards } from './dashboard.service.js';
export { resourceDependents } from './dependents.js';
export { detachIndicatorsFrom } from './indicator-delete.service.js';
export { indicatorValues } from './indicator-values.js';
export type { IndicatorQueryInput } from './indicator.schemas.js';
export {
  getIndicatorSummary,
  indicatorExists,
  indicatorLocations,
  listIndicators,
  listIndicatorsForPromise,
} from './indicator.service.js';
export type { IndicatorDetail, IndicatorSummary } from './indicator.types.js';
export { attachIndicatorToPromise, createIndicator } from './indicator-write.service.js';
export { registerIndicators } from './indicators.plugin.js';
export { combineStatuses } from './status.js';
