// The promise tracker offers the others only what is exported here. The rest is private.

export { registerPromises } from './promises.plugin.js';
