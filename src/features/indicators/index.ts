// Indicators and dashboards offer the others only what is exported here. The rest is private.

export { registerIndicators } from './indicators.plugin.js';
