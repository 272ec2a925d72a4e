import type { Licence } from '../catalog/index.js';
import { Graph, safeIri } from './graph.js';
import {
  FREQUENCIES,
  LICENCE_IRIS,
  THEMES,
  fileTypeIri,
  frequencyIri,
  mediaTypeIri,
  themeIri,
} from './mappings.js';
import { EU, dcat, dct, foaf, rdfs, skos, spdx, vcard } from './vocabularies.js';

/** What a dataset's description is built from: the catalogue's public JSON shape. */
export interface DcatDatasetInput {
  id: string;
  slug: string;
  title: string;
  description: string;
  organisation: { slug: string; name: string };
  licence: Pick<Licence, 'id' | 'title' | 'url'>;
  tags: string[];
  themes: { slug: string; title: string }[];
  update_frequency: string | null;
  temporal_coverage: { start: string | null; end: string | null } | null;
  spatial_coverage: string | null;
  contact: { name: string | null; email: string | null } | null;
  created_at: string;
  modified_at: string;
  resources: DcatResourceInput[];
}

export interface DcatResourceInput {
  id: string;
  name: string;
  description: string;
  format: string;
  media_type: string | null;
  size: number | null;
  sha256: string | null;
  kind: 'file' | 'link';
  url: string | null;
}

/** Where things live on this site: IRIs are dereferenceable where they can be. */
export function datasetIri(base: string, slug: string): string {
  return `${base}/dataset/${slug}`;
}
export const landingPage = (base: string, slug: string) => `${base}/datasets/${slug}`;
export const organisationIri = (base: string, slug: string) => `${base}/organisations/${slug}`;
export const openApiIri = (base: string) => `${base}/api/v1/openapi.json`;

/** A data service's endpoint and its description (DCAT-AP's range for both is rdfs:Resource). */
export function addEndpoint(g: Graph, service: string, url: string, description: string): void {
  g.link(service, dcat('endpointURL'), url);
  g.link(service, dcat('endpointDescription'), description);
  g.type(url, rdfs('Resource'));
  g.type(description, rdfs('Resource'));
}

/** The licence document: an IRI from the mapping, else the licence's page, else one of ours. */
export function addLicence(g: Graph, base: string, licence: DcatDatasetInput['licence']): string {
  const iri =
    LICENCE_IRIS[licence.id] ??
    safeIri(licence.url) ??
    `${base}/api/v1/licences#${encodeURIComponent(licence.id)}`;
  g.type(iri, dct('LicenseDocument'));
  g.text(iri, rdfs('label'), licence.title, 'en');
  return iri;
}

function addThemes(g: Graph, base: string, subject: string, themes: DcatDatasetInput['themes']) {
  for (const t of themes) {
    const mapped = THEMES[t.slug];
    const iri = mapped ? themeIri(mapped.code) : `${base}/themes/${t.slug}`;
    g.link(subject, dcat('theme'), iri);
    g.type(iri, skos('Concept'));
    g.text(iri, skos('prefLabel'), mapped ? mapped.label : t.title, 'en');
    if (mapped) g.link(iri, skos('inScheme'), EU.dataTheme);
  }
}

/** Publisher, contact point, place and time: the dataset's own small nodes. */
function addContext(g: Graph, base: string, subject: string, d: DcatDatasetInput) {
  const publisher = organisationIri(base, d.organisation.slug);
  g.link(subject, dct('publisher'), publisher);
  g.type(publisher, foaf('Agent'));
  g.text(publisher, foaf('name'), d.organisation.name);

  const email = d.contact?.email ? safeIri(`mailto:${d.contact.email}`) : null;
  if (d.contact && (d.contact.name || email)) {
    const contact = `${subject}#contact`;
    g.link(subject, dcat('contactPoint'), contact);
    g.type(contact, vcard('Kind'));
    g.text(contact, vcard('fn'), d.contact.name ?? d.organisation.name);
    if (email) g.link(contact, vcard('hasEmail'), email);
  }
  if (d.spatial_coverage) {
    const place = `${subject}#spatial`;
    g.link(subject, dct('spatial'), place);
    g.type(place, dct('Location'));
    g.text(place, skos('prefLabel'), d.spatial_coverage, 'en');
  }
  const period = d.temporal_coverage;
  if (period && (period.start || period.end)) {
    const time = `${subject}#temporal`;
    g.link(subject, dct('temporal'), time);
    g.type(time, dct('PeriodOfTime'));
    if (period.start) g.typed(time, dcat('startDate'), period.start, 'date');
    if (period.end) g.typed(time, dcat('endDate'), period.end, 'date');
  }
  const frequency = d.update_frequency ? FREQUENCIES[d.update_frequency] : undefined;
  if (frequency) {
    const iri = frequencyIri(frequency.code);
    g.link(subject, dct('accrualPeriodicity'), iri);
    g.type(iri, dct('Frequency'));
    g.text(iri, skos('prefLabel'), frequency.label, 'en');
  }
}

/** A resource as a distribution; one in the datastore also as the data service querying it. */
function addDistribution(
  g: Graph,
  at: { base: string; subject: string; page: string; licence: string },
  r: DcatResourceInput,
  inDatastore: boolean,
) {
  const { base, subject, licence } = at;
  const dist = `${subject}#resource-${r.id}`;
  g.link(subject, dcat('distribution'), dist);
  g.type(dist, dcat('Distribution'));
  g.text(dist, dct('title'), r.name, 'en');
  if (r.description) g.text(dist, dct('description'), r.description, 'en');
  const url = safeIri(r.url);
  // A file still loading has no URL yet; its dataset's page is where to get it then.
  const table = inDatastore ? `${base}/resources/${r.id}` : null;
  g.link(dist, dcat('accessURL'), table ?? url ?? at.page);
  if (url) g.link(dist, dcat('downloadURL'), url);
  g.link(dist, dct('license'), licence);
  const format = fileTypeIri(r.format);
  if (format) {
    g.link(dist, dct('format'), format);
    g.type(format, dct('MediaTypeOrExtent'));
  }
  const mediaType = mediaTypeIri(r.media_type);
  if (mediaType) {
    g.link(dist, dcat('mediaType'), mediaType);
    g.type(mediaType, dct('MediaType'));
  }
  if (r.size !== null) g.typed(dist, dcat('byteSize'), String(r.size), 'nonNegativeInteger');
  if (r.sha256 && /^[0-9a-f]{64}$/i.test(r.sha256)) {
    const checksum = `${subject}#checksum-${r.id}`;
    g.link(dist, spdx('checksum'), checksum);
    g.type(checksum, spdx('Checksum'));
    g.link(checksum, spdx('algorithm'), spdx('checksumAlgorithm_sha256'));
    g.type(spdx('checksumAlgorithm_sha256'), spdx('ChecksumAlgorithm'));
    g.typed(checksum, spdx('checksumValue'), r.sha256.toLowerCase(), 'hexBinary');
  }
  if (inDatastore) {
    const service = `${subject}#service-${r.id}`;
    g.link(dist, dcat('accessService'), service);
    g.type(service, dcat('DataService'));
    g.text(service, dct('title'), `Query API: ${r.name}`, 'en');
    addEndpoint(g, service, `${base}/api/v1/resources/${r.id}/query`, openApiIri(base));
    g.link(service, dcat('servesDataset'), subject);
    g.link(service, dct('license'), licence);
  }
}

/**
 * One dataset as DCAT-AP 3.0.1 describes it (docs/api.md, "DCAT-AP 3"). `datastore` holds the ids
 * of its resources that have data in the datastore. Returns the dataset's IRI and its services.
 */
export function addDataset(
  g: Graph,
  base: string,
  d: DcatDatasetInput,
  datastore: ReadonlySet<string>,
): { iri: string; services: string[] } {
  const subject = datasetIri(base, d.slug);
  g.type(subject, dcat('Dataset'));
  g.text(subject, dct('identifier'), d.id);
  g.text(subject, dct('title'), d.title, 'en');
  // The description is mandatory; an empty one says so rather than breaking the record.
  g.text(subject, dct('description'), d.description.trim() || d.title, 'en');
  g.typed(subject, dct('issued'), d.created_at, 'dateTime');
  g.typed(subject, dct('modified'), d.modified_at, 'dateTime');
  const page = landingPage(base, d.slug);
  g.link(subject, dcat('landingPage'), page);
  g.type(page, foaf('Document'));
  for (const tag of d.tags) g.text(subject, dcat('keyword'), tag, 'en');
  addThemes(g, base, subject, d.themes);
  addContext(g, base, subject, d);
  const licence = addLicence(g, base, d.licence);
  const services: string[] = [];
  for (const r of d.resources) {
    const inDatastore = datastore.has(r.id);
    addDistribution(g, { base, subject, page, licence }, r, inDatastore);
    if (inDatastore) services.push(`${subject}#service-${r.id}`);
  }
  return { iri: subject, services };
}
