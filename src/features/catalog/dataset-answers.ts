import type { AppContext } from '../../context.js';

/** A request a dataset was published in answer to, as its page links it. */
export interface RequestAnswered {
  title: string;
  url: string;
}

/**
 * What the catalogue asks of the data requests, which sit above it: app.ts hands their answer
 * to the catalogue (as DatasetProvenance), so a dataset page can say it was published in answer
 * to a request without the catalogue importing them.
 */
export type DatasetAnswers = (ctx: AppContext, datasetId: string) => Promise<RequestAnswered[]>;

/** No data requests: no dataset answers one. */
export const noAnswers: DatasetAnswers = () => Promise.resolve([]);
