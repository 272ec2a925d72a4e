// Challenges offer the others only what is exported here: their API and pages, the writes the
// demo uses, and what the promise page shows of them (through the promises feature's port).

export { registerChallenges } from './challenges.plugin.js';
export { createChallenge } from './challenge-write.service.js';
export { challengeExists, challengesOfPromise, listChallenges } from './challenge.service.js';
export { createEntry, acceptEntryInvitation } from './entry.service.js';
export { markWinners, writeOutcome } from './judging.service.js';
