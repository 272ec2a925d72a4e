import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type {
  HarvestFetcher,
  HarvestFilters,
  HarvestItem,
  HarvestedDataset,
} from '../harvest-record.js';
import { DCAT_ACCEPT, dcatHarvester } from './dcat.js';
import { formatName } from './format-name.js';

const SITE = 'https://data.exampleshire.example';
const PAGE_1 = `${SITE}/catalog.ttl`;
const PAGE_2 = `${SITE}/catalog.ttl?page=2`;
const TURTLE = 'text/turtle; charset=utf-8';

const fixture = (name: string) =>
  readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');

type Answer = { body: string; contentType: string } | Error;

/** The harvest's fetcher, answering from a table of URLs (an unknown URL is a 404). */
function fakeFetcher(answers: Record<string, Answer>) {
  const requests: { url: string; accept: string | undefined }[] = [];
  const fetcher: HarvestFetcher = {
    get(url, accept) {
      requests.push({ url, accept });
      const answer = answers[url];
      if (answer instanceof Error) return Promise.reject(answer);
      if (!answer) return Promise.reject(new Error(`404 from ${url}`));
      return Promise.resolve({ url, ...answer });
    },
  };
  return { fetcher, requests };
}

const catalogue = (page2 = 'catalog-page-2.ttl') =>
  fakeFetcher({
    [PAGE_1]: { body: fixture('catalog-page-1.ttl'), contentType: TURTLE },
    [PAGE_2]: { body: fixture(page2), contentType: TURTLE },
  });

/** Every item the harvest yields, and what stopped it if anything did. */
async function run(fetcher: HarvestFetcher, filters: HarvestFilters = {}, url = PAGE_1) {
  const items: HarvestItem[] = [];
  let failure: Error | null = null;
  try {
    for await (const item of dcatHarvester({ url, filters, fetcher })) items.push(item);
  } catch (err) {
    failure = err instanceof Error ? err : new Error(String(err));
  }
  return { items, failure };
}

const datasets = (items: HarvestItem[]): HarvestedDataset[] =>
  items.flatMap((i) => ('dataset' in i ? [i.dataset] : []));
const titles = (items: HarvestItem[]) => datasets(items).map((d) => d.title);
const byTitle = (items: HarvestItem[], title: string) => {
  const found = datasets(items).find((d) => d.title === title);
  if (!found) throw new Error(`No dataset "${title}"`);
  return found;
};

describe('harvesting a DCAT catalogue in Turtle', () => {
  it('reads every page along hydra:next, asking for Turtle first', async () => {
    const { fetcher, requests } = catalogue();
    const { items, failure } = await run(fetcher);
    expect(failure).toBeNull();
    expect(requests).toEqual([
      { url: PAGE_1, accept: DCAT_ACCEPT },
      // Written <?page=2> in the page: resolved against the page's own URL.
      { url: PAGE_2, accept: DCAT_ACCEPT },
    ]);
    expect(titles(items).sort()).toEqual([
      'Library opening hours',
      'Park benches',
      'Public toilets, Exampleshire',
    ]);
  });

  it('puts every field a user sees in Metrodata terms', async () => {
    const { items } = await run(catalogue().fetcher);
    expect(byTitle(items, 'Public toilets, Exampleshire')).toEqual({
      identifier: `${SITE}/dataset/public-toilets`,
      title: 'Public toilets, Exampleshire',
      description: "Where the county's public toilets are, with opening hours and access.",
      licence: 'http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
      // The Welsh keyword is the same tag in another language, so it is left out.
      tags: ['toilets', 'accessibility'],
      landingPage: `${SITE}/datasets/public-toilets`,
      modified: '2024-05-01T08:30:00.000Z',
      publisher: 'Exampleshire County Council',
      contactName: 'Facilities team',
      contactEmail: 'facilities@exampleshire.example',
      updateFrequency: 'MONTHLY',
      temporalStart: '2023-01-01',
      temporalEnd: '2023-12-31',
      resources: [
        {
          url: 'https://files.exampleshire.example/public-toilets.csv',
          name: 'Public toilets (CSV)',
          description: 'One row a toilet.',
          format: 'CSV',
          mediaType: 'text/csv',
          size: 2048,
          modified: '2024-04-30',
        },
        {
          url: 'https://maps.exampleshire.example/toilets.geojson',
          name: 'Public toilets (map)',
          description: '',
          format: 'GeoJSON',
          mediaType: 'application/geo+json',
          size: null,
          modified: null,
        },
      ],
    });
  });

  it('identifies a blank-node dataset by dct:identifier and takes its licence from its file', async () => {
    const { items } = await run(catalogue().fetcher);
    const benches = byTitle(items, 'Park benches');
    expect(benches).toMatchObject({
      identifier: 'park-benches-2024',
      licence: 'http://publications.europa.eu/resource/authority/licence/CC_BY_4_0',
      tags: ['parks', 'benches'],
      publisher: 'Exampleton Town Council',
      updateFrequency: 'irregular',
      temporalStart: '2024-01-01',
      temporalEnd: null,
      landingPage: null,
      contactEmail: null,
    });
    expect(benches.resources).toEqual([
      expect.objectContaining({
        url: 'https://exampleton.example/files/benches.xlsx',
        name: 'benches.xlsx',
        format: 'XLSX',
      }),
    ]);
  });

  it('reads a licence given as a literal and a modified date given as xsd:date', async () => {
    const { items } = await run(catalogue().fetcher);
    const libraries = byTitle(items, 'Library opening hours');
    expect(libraries).toMatchObject({
      identifier: `${SITE}/dataset/library-opening-hours`,
      licence: 'OGL-UK-3.0',
      modified: '2024-03-15',
      tags: ['libraries'],
    });
    expect(libraries.resources).toEqual([
      expect.objectContaining({
        url: `${SITE}/files/libraries.pdf`,
        name: 'Opening hours',
        format: 'PDF',
        mediaType: null,
      }),
    ]);
  });

  it('yields a dataset without a title as an error, and goes on', async () => {
    const { items, failure } = await run(catalogue().fetcher);
    expect(failure).toBeNull();
    expect(items.filter((i) => 'error' in i)).toEqual([
      { identifier: `${SITE}/dataset/grit-bins`, error: 'The dataset has no dct:title' },
    ]);
    // The page's other dataset and the whole next page were still read.
    expect(items).toHaveLength(4);
  });

  it('reports a blank-node dataset with no dct:identifier', async () => {
    const body = `@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
      [] a dcat:Dataset ; dct:title "Bus shelters"@en .`;
    const { fetcher } = fakeFetcher({ [PAGE_1]: { body, contentType: TURTLE } });
    const { items } = await run(fetcher);
    expect(items).toEqual([
      {
        identifier: null,
        error:
          'A dataset ("Bus shelters") is a blank node without dct:identifier, so it cannot be recognised from one harvest to the next',
      },
    ]);
  });

  it('stops with an error when a page links back to one already read', async () => {
    const { items, failure } = await run(catalogue('catalog-loop.ttl').fetcher);
    // Both pages' datasets were yielded before the loop was seen.
    expect(titles(items).sort()).toEqual(['Allotment sites', 'Public toilets, Exampleshire']);
    expect(failure?.message).toBe(`The catalogue's pages loop: ${PAGE_1} was already read`);
  });

  it('lets a failed page request stop the run, after the pages before it', async () => {
    const { fetcher } = fakeFetcher({
      [PAGE_1]: { body: fixture('catalog-page-1.ttl'), contentType: TURTLE },
      [PAGE_2]: new Error('503 from the source'),
    });
    const { items, failure } = await run(fetcher);
    expect(titles(items)).toEqual(['Public toilets, Exampleshire']);
    expect(failure?.message).toBe('503 from the source');
  });

  it('refuses JSON that is not JSON-LD and a web page, saying what was answered', async () => {
    const json = await run(
      fakeFetcher({ [PAGE_1]: { body: '{"result": []}', contentType: 'application/json' } })
        .fetcher,
    );
    expect(json.items).toEqual([]);
    expect(json.failure?.message).toBe(
      `The source answered JSON that is not JSON-LD (it has no @context, @graph, @id or @type) at ${PAGE_1}, not DCAT in Turtle, RDF/XML or JSON-LD; give the catalogue's RDF URL`,
    );
    const html = await run(
      fakeFetcher({ [PAGE_1]: { body: '<!DOCTYPE html><html></html>', contentType: 'text/html' } })
        .fetcher,
    );
    expect(html.failure?.message).toMatch(/^The source answered a web page \(HTML\)/);
  });

  it('refuses a page with no statements rather than withdrawing everything', async () => {
    const { failure } = await run(
      fakeFetcher({ [PAGE_1]: { body: '# nothing yet\n', contentType: TURTLE } }).fetcher,
    );
    expect(failure?.message).toBe(
      `The source's answer at ${PAGE_1} holds no RDF statements (read as Turtle)`,
    );
  });

  it('names the page that is not valid Turtle', async () => {
    const { failure } = await run(
      fakeFetcher({ [PAGE_1]: { body: '<a> <b> "unterminated', contentType: TURTLE } }).fetcher,
    );
    expect(failure?.message).toMatch(
      new RegExp(`^The source's answer at ${PAGE_1.replace(/\./g, '\\.')} is not valid Turtle`),
    );
  });
});

describe('filters, applied to what each page lists', () => {
  it('keeps the organisation named, whatever its case', async () => {
    const { items } = await run(catalogue().fetcher, { organisation: 'exampleton town council' });
    expect(titles(items)).toEqual(['Park benches']);
    expect(items).toHaveLength(1);
  });

  it('keeps datasets with the tag', async () => {
    const { items } = await run(catalogue().fetcher, { tag: 'Accessibility' });
    expect(titles(items)).toEqual(['Public toilets, Exampleshire']);
    expect(items).toHaveLength(1);
  });

  it('keeps datasets whose title or description holds the query', async () => {
    const { items } = await run(catalogue().fetcher, { query: 'OPENING HOURS' });
    expect(titles(items).sort()).toEqual(['Library opening hours', 'Public toilets, Exampleshire']);
    expect(items).toHaveLength(2);
  });

  it('still reports a malformed dataset the filters select', async () => {
    const { items } = await run(catalogue().fetcher, {
      organisation: 'Exampleshire County Council',
    });
    expect(titles(items).sort()).toEqual(['Library opening hours', 'Public toilets, Exampleshire']);
    expect(items.filter((i) => 'error' in i)).toHaveLength(1);
  });
});

describe('format names', () => {
  it.each([
    ['http://publications.europa.eu/resource/authority/file-type/GEOJSON', 'GeoJSON'],
    ['https://www.iana.org/assignments/media-types/application/vnd.apache.parquet', 'Parquet'],
    ['text/csv; charset=utf-8', 'CSV'],
    ['.xlsx', 'XLSX'],
    ['zip', 'ZIP'],
    ['application/json', 'JSON'],
    ['Shapefile of sorts', null],
    ['application/x-unknown', null],
  ])('%s is %s', (value, name) => {
    expect(formatName(value)).toBe(name);
  });
});
