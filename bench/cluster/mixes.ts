import type { ClusterNode } from '../../test/helpers/cluster.js';
import { ALL_REQUESTS_SLUG } from '../../src/demo/datasets/service-requests-large.js';

// The three kinds of traffic a region's site serves on a busy day, as paths over the demo region:
// pages people read, catalogue searches, and datastore queries by API (the largest resource).

export interface Mix {
  name: string;
  description: string;
  paths: string[];
}

async function json<T>(node: ClusterNode, path: string): Promise<T> {
  const res = await fetch(node.url + path);
  if (!res.ok) throw new Error(`${path}: ${String(res.status)} ${await res.text()}`);
  return (await res.json()) as T;
}

interface Listing {
  results: { slug: string; organisation: { slug: string } | null; themes?: { slug: string }[] }[];
}

/** The mixes, built from what the demo region holds (read from `node`). */
export async function trafficMixes(node: ClusterNode): Promise<Mix[]> {
  const listing = await json<Listing>(node, '/api/v1/datasets?per_page=100&sort=title');
  const slugs = listing.results.map((d) => d.slug);
  const organisations = [...new Set(listing.results.flatMap((d) => d.organisation?.slug ?? []))];
  const large = await json<{ resources: { id: string; name: string }[] }>(
    node,
    `/api/v1/datasets/${ALL_REQUESTS_SLUG}`,
  );
  const rid = large.resources[0]?.id;
  if (!rid) throw new Error(`the demo's ${ALL_REQUESTS_SLUG} dataset has no resource`);
  const query = (q: string) => `/api/v1/resources/${rid}/query?${q}`;
  return [
    {
      name: 'pages',
      description: `every dataset page (${String(slugs.length)}), the home page, publishers' and themes' pages`,
      paths: [
        ...slugs.map((s) => `/datasets/${s}`),
        '/',
        '/organisations',
        ...organisations.map((o) => `/organisations/${o}`),
        '/themes',
        '/themes/transport',
      ],
    },
    {
      name: 'search',
      description: 'catalogue searches, pages and API: words, facets, sorting, paging',
      paths: [
        '/datasets?q=bus',
        '/datasets?q=air+quality',
        '/datasets?theme=transport',
        '/datasets?q=bus&theme=transport&format=CSV',
        '/datasets?sort=title&page=2',
        `/datasets?organisation=${organisations[0] ?? ''}`,
        '/api/v1/datasets?q=housing',
        '/api/v1/datasets?theme=environment&per_page=20',
      ],
    },
    {
      name: 'query',
      description: `API queries of the ${ALL_REQUESTS_SLUG} resource: filters, sorting, paging, group-by aggregates`,
      paths: [
        query('limit=20'),
        query('filter=borough:eq:Bolton&limit=20'),
        query('filter=borough:eq:Wigan&filter=status:eq:closed&sort=-days_to_close&limit=20'),
        query('group_by=borough&aggregate=count::requests'),
        query('group_by=borough,status&aggregate=avg:days_to_close'),
        query('filter=status:eq:open&limit=50&fields=borough,status'),
      ],
    },
  ];
}

/** Fails early, naming the path, if any path of a mix does not answer 200. */
export async function checkMix(node: ClusterNode, mix: Mix): Promise<void> {
  for (const path of new Set(mix.paths)) {
    const res = await fetch(node.url + path);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${mix.name}: ${path} answered ${String(res.status)}`);
  }
}
