// The site's machinery: probes (/healthz, /readyz), Prometheus metrics (/metrics), the API's
// index (/api/v1) and its documentation page (/api/docs). It depends on no other feature.

export { registerOps } from './ops.plugin.js';
