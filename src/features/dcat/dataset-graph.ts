import type { DcatDatasetInput } from './dcat-input.js';
import { addDistribution } from './distribution-graph.js';
import { type Graph, safeIri } from './graph.js';
import { FREQUENCIES, THEMES, frequencyIri, themeIri } from './mappings.js';
import {
  addAgent,
  addLicence,
  concept,
  datasetIri,
  landingPage,
  organisationIri,
} from './shared-nodes.js';
import { EU, dcat, dct, foaf, skos, vcard } from './vocabularies.js';

function addThemes(
  g: Graph,
  base: string,
  subject: string,
  themes: DcatDatasetInput['themes'],
): string[] {
  const iris: string[] = [];
  for (const t of themes) {
    const mapped = THEMES[t.slug];
    const iri = mapped ? themeIri(mapped.code) : `${base}/themes/${t.slug}`;
    g.link(subject, dcat('theme'), iri);
    concept(g, iri, mapped ? mapped.label : t.title);
    if (mapped) g.link(iri, skos('inScheme'), EU.dataTheme);
    iris.push(iri);
  }
  return iris;
}

/** Publisher, contact point, place and time: the dataset's own small nodes. */
function addContext(g: Graph, base: string, subject: string, d: DcatDatasetInput) {
  let contact: string | null = null;
  const publisher = organisationIri(base, d.organisation.slug);
  g.link(subject, dct('publisher'), publisher);
  addAgent(g, publisher, d.organisation.name, d.organisation.kind);

  const email = d.contact?.email ? safeIri(`mailto:${d.contact.email}`) : null;
  if (d.contact && (d.contact.name || email)) {
    contact = `${subject}#contact`;
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
  return { publisher, contact };
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
  const themes = addThemes(g, base, subject, d.themes);
  const { publisher, contact } = addContext(g, base, subject, d);
  const licence = addLicence(g, base, d.licence);
  const at = { base, subject, page, licence, publisher, contact, themes, tags: d.tags };
  const services: string[] = [];
  for (const r of d.resources) {
    const inDatastore = datastore.has(r.id);
    addDistribution(g, at, r, inDatastore);
    if (inDatastore) services.push(`${subject}#service-${r.id}`);
  }
  return { iri: subject, services };
}
