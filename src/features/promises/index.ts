// The promise tracker offers the others only what is exported here: who may edit promises,
// the writes the seed uses, the term's dates, and its API and pages. The rest is private to it.

export { canEditPromises } from './promise-access.js';
export type { Evidence } from './promise-status.js';
export { changePromiseStatus } from './promise-status.service.js';
export { createPromise } from './promise-write.service.js';
export type { DeadlineInput } from './promise.schemas.js';
export { findPromise, promiseLocations } from './promise.service.js';
export type { PromiseChallenge, PromiseExtensions } from './promise-links.js';
export { registerPromises } from './promises.plugin.js';
export { addDays, todayIso } from './term.js';
export { currentTerm } from './term.service.js';
