/** One kind of page, measured over several URLs in turn. */
export interface PageCase {
  name: string;
  /** Counted against the target (dataset page and search results under 50 ms). */
  target: boolean;
  urls: string[];
}

/** The pages measured: every public demo dataset, a spread of searches, and the other pages. */
export function pageCases(datasetSlugs: string[], organisationSlug: string): PageCase[] {
  return [
    { name: 'dataset page', target: true, urls: datasetSlugs.map((s) => `/datasets/${s}`) },
    {
      name: 'search results',
      target: true,
      urls: [
        '/datasets',
        '/datasets?q=bus',
        '/datasets?q=air+quality',
        '/datasets?q=broadb',
        '/datasets?theme=transport',
        '/datasets?q=bus&theme=transport&format=CSV',
        '/datasets?sort=title&page=2',
        `/datasets?organisation=${organisationSlug}&licence=OGL-UK-3.0`,
      ],
    },
    { name: 'home page', target: false, urls: ['/'] },
    {
      name: 'publisher page',
      target: false,
      urls: ['/organisations', `/organisations/${organisationSlug}`],
    },
    { name: 'theme page', target: false, urls: ['/themes', '/themes/transport'] },
    { name: 'feed and sitemap', target: false, urls: ['/datasets.atom', '/sitemap.xml'] },
    { name: 'API documentation', target: false, urls: ['/api/docs'] },
  ];
}
