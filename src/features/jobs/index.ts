// The jobs feature: the site administrators' view of the background job queue (depth and age
// per kind, parked jobs with their errors) and "retry" for a parked job, as API and page.

export { registerJobs } from './jobs.plugin.js';
