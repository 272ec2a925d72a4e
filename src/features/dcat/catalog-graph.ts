import { licenceById } from '../catalog/index.js';
import { addAgent, addEndpoint, addLicence, openApiIri } from './shared-nodes.js';
import type { Graph } from './graph.js';
import { ENGLISH } from './mappings.js';
import { EU, dcat, dct, foaf, hydra, skos } from './vocabularies.js';

/** The catalogue's own metadata is published under the site's default licence. */
const CATALOGUE_LICENCE = 'OGL-UK-3.0';

export const catalogIri = (base: string) => `${base}/catalog`;

export interface CatalogNode {
  base: string;
  regionName: string;
  /** When the region was set up, and when the catalogue last changed (its newest dataset). */
  issued: string | null;
  modified: string | null;
  datasets: string[];
  services: string[];
}

/**
 * The catalogue itself: the region publishes it under the OGL, its home page is the site's, and
 * the API is its data service. Each page lists the datasets (and their services) it describes.
 */
export function addCatalog(g: Graph, c: CatalogNode): string {
  const { base } = c;
  const catalog = catalogIri(base);
  g.type(catalog, dcat('Catalog'));
  g.text(catalog, dct('title'), `${c.regionName} open data`, 'en');
  g.text(
    catalog,
    dct('description'),
    `The datasets the public bodies of ${c.regionName} publish: data, files and query APIs.`,
    'en',
  );
  const publisher = `${base}/#publisher`;
  g.link(catalog, dct('publisher'), publisher);
  addAgent(g, publisher, c.regionName, 'combined-authority');
  if (c.issued) g.typed(catalog, dct('issued'), c.issued, 'dateTime');
  if (c.modified) g.typed(catalog, dct('modified'), c.modified, 'dateTime');
  g.link(catalog, dct('language'), ENGLISH);
  g.type(ENGLISH, dct('LinguisticSystem'));
  const region = `${base}/#region`;
  g.link(catalog, dct('spatial'), region);
  g.type(region, dct('Location'));
  g.text(region, skos('prefLabel'), c.regionName, 'en');
  const licence = addLicence(g, base, licenceById(CATALOGUE_LICENCE));
  g.link(catalog, dct('license'), licence);
  const home = `${base}/`;
  g.link(catalog, foaf('homepage'), home);
  g.type(home, foaf('Document'));
  g.link(catalog, dcat('themeTaxonomy'), EU.dataTheme);
  g.type(EU.dataTheme, skos('ConceptScheme'));
  g.text(EU.dataTheme, dct('title'), 'Data theme', 'en');

  const api = `${catalog}#api`;
  g.link(catalog, dcat('service'), api);
  g.type(api, dcat('DataService'));
  g.text(api, dct('title'), `${c.regionName} open data API`, 'en');
  addEndpoint(g, api, `${base}/api/v1`, openApiIri(base));
  g.link(api, dct('publisher'), publisher);
  g.link(api, dct('license'), licence);
  for (const d of c.datasets) {
    g.link(catalog, dcat('dataset'), d);
    g.link(api, dcat('servesDataset'), d);
  }
  for (const s of c.services) g.link(catalog, dcat('service'), s);
  return catalog;
}

/** Hydra's (legacy) paging terms, which DCAT-AP harvesters (ckanext-dcat, the EDP) follow. */
export function addPaging(
  g: Graph,
  paging: { page: number; perPage: number; total: number; url: (page: number) => string },
): void {
  const { page, perPage, total, url } = paging;
  const last = Math.max(1, Math.ceil(total / perPage));
  const self = url(page);
  g.type(self, hydra('PagedCollection'));
  g.typed(self, hydra('totalItems'), String(total), 'integer');
  g.typed(self, hydra('itemsPerPage'), String(perPage), 'integer');
  g.link(self, hydra('firstPage'), url(1));
  g.link(self, hydra('lastPage'), url(last));
  if (page < last) g.link(self, hydra('nextPage'), url(page + 1));
  if (page > 1) g.link(self, hydra('previousPage'), url(Math.min(page - 1, last)));
}
