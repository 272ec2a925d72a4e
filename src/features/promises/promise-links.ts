import type { AppContext } from '../../context.js';

/** A challenge set in aid of a promise, as the promise page lists it. */
export interface PromiseChallenge {
  title: string;
  /** A path on this site. */
  url: string;
  status_label: string;
  deadline: string;
}

/**
 * What the promise tracker asks of the features above it: they implement this and app.ts hands
 * it to registerPromises, so a promise page shows its challenges without importing them.
 */
export interface PromiseExtensions {
  challenges?: (ctx: AppContext, promiseId: string) => Promise<PromiseChallenge[]>;
}
