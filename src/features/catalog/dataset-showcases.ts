import type { AppContext } from '../../context.js';

/** One showcase built with a dataset, as its page lists it ("Built with this data"). */
export interface DatasetShowcase {
  title: string;
  url: string;
  type_label: string;
  author: string;
  image_url: string | null;
}

/**
 * What the catalogue asks of the showcases, which sit above it: app.ts hands the showcases'
 * answer to the catalogue (as DatasetProvenance), so a dataset page lists what was built with
 * it without the catalogue importing the showcases.
 */
export interface DatasetShowcases {
  /** The approved showcases that use this dataset, newest first. */
  builtWith(ctx: AppContext, datasetId: string): Promise<DatasetShowcase[]>;
  /** Where to submit a showcase built with this dataset, or null when none can be. */
  submitHref(datasetSlug: string): string | null;
}

/** No showcases feature: nothing is listed. */
export const noShowcases: DatasetShowcases = {
  builtWith: () => Promise.resolve([]),
  submitHref: () => null,
};
