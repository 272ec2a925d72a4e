import type { AppContext } from '../../context.js';
import type { DatasetShowcases } from '../catalog/index.js';
import { approvedShowcasesOf } from './showcase.repository.js';
import { TYPE_LABELS } from './showcase-types.js';
import { imageUrl } from './showcase.view.js';

/** The showcases' answer to the catalogue's question: what was built with this dataset. */
export const datasetShowcases: DatasetShowcases = {
  async builtWith(ctx: AppContext, datasetId: string) {
    const rows = await approvedShowcasesOf(ctx.db.kysely, datasetId);
    return rows.map((s) => ({
      title: s.title,
      url: `/showcases/${s.slug}`,
      type_label: TYPE_LABELS[s.type],
      author: s.author_name,
      image_url: imageUrl(s),
    }));
  },
  submitHref: (datasetSlug) => `/account/showcases/new?dataset=${encodeURIComponent(datasetSlug)}`,
};
