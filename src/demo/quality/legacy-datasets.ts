import type { Actor } from '../../features/accounts/index.js';
import { addLinkResource, createDataset, datasetExists } from '../../features/catalog/index.js';
import type { AppContext } from '../../context.js';

// A few synthetic datasets published the old way (a spreadsheet, a PDF, a web page on a portal
// that has gone, no temporal coverage, no file sizes), so the league table and the quality pages show a believable spread rather
// than every body at the top. Their links are on `.example` hosts, which never resolve: once the
// link checker has run they show as broken; until then, as not checked yet.

interface Legacy {
  slug: string;
  title: string;
  organisation: string;
  description: string;
  licence: string;
  tags: string[];
  themes: string[];
  /** Spatial coverage. None has a temporal coverage: a gap the scores point out. */
  area: string;
  link: { name: string; url: string; format: string };
}

const NOTE = 'Synthetic demo data, published the old way to show the quality scores.';

export const LEGACY_DATASETS: Legacy[] = [
  {
    slug: 'council-tax-bands-2019',
    title: 'Council tax bands (2019 spreadsheet)',
    organisation: 'oldham-council',
    description: `Band D charges by parish, as a spreadsheet. ${NOTE}`,
    licence: 'OGL-UK-3.0',
    tags: ['council tax'],
    themes: ['economy'],
    area: 'Oldham',
    link: {
      name: 'Council tax bands 2019',
      url: 'https://legacy.oldham.example/finance/council-tax-bands-2019.xlsx',
      format: 'XLSX',
    },
  },
  {
    slug: 'licensing-committee-minutes',
    title: 'Licensing committee minutes',
    organisation: 'tameside-council',
    description: `Minutes of the licensing committee, as PDF. ${NOTE}`,
    licence: 'OGL-UK-3.0',
    tags: ['licensing'],
    themes: ['community-safety'],
    area: 'Tameside',
    link: {
      name: 'Minutes, March',
      url: 'https://legacy.tameside.example/committees/licensing-march.pdf',
      format: 'PDF',
    },
  },
  {
    slug: 'parks-old-portal',
    title: 'Parks and open spaces (old portal)',
    organisation: 'salford-city-council',
    description: `A page on the council's former data portal. ${NOTE}`,
    licence: 'other-closed',
    tags: ['parks'],
    themes: ['environment'],
    area: 'Salford',
    link: {
      name: 'Parks page',
      url: 'https://legacy.salford.example/parks',
      format: 'HTML',
    },
  },
];

/** Publishes the legacy datasets not there yet; how many were added. */
export async function seedLegacyDatasets(ctx: AppContext, actor: Actor): Promise<number> {
  let added = 0;
  for (const d of LEGACY_DATASETS) {
    if (await datasetExists(ctx, d.slug)) continue;
    await createDataset(ctx, actor, {
      slug: d.slug,
      title: d.title,
      organisation: d.organisation,
      description: d.description,
      licence: d.licence,
      tags: d.tags,
      themes: d.themes,
      spatial_coverage: d.area,
      contact: { name: 'Information governance team', email: null },
    });
    await addLinkResource(ctx, actor, d.slug, {
      ...d.link,
      description: `${d.link.name}, on the council's former website (synthetic).`,
    });
    added++;
  }
  return added;
}
