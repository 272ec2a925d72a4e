// "Get involved": the one page that leads residents and businesses to the ways they take part
// (reports, data requests, showcases, challenges), with what is live in each. It sits above
// those features and uses only what their index.ts exports.

export { registerGetInvolved } from './get-involved.plugin.js';
