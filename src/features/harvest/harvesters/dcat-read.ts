import { DataFactory, type Quad_Object, type Quad_Subject, type Store, type Term } from 'n3';
import {
  dataset,
  resource,
  type HarvestedDataset,
  type HarvestedResource,
} from '../harvest-record.js';
import { formatName, lastSegment, mediaTypeOf } from './format-name.js';

// One page of a DCAT catalogue (an n3 Store) read into HarvestedDatasets. Sources vary a lot
// around DCAT-AP's core (IRIs or literals, blank nodes, several languages), so every property
// is read leniently and a missing one is left empty; only the title is required, by the caller.

const namedNode = (iri: string) => DataFactory.namedNode(iri);
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const FOAF = 'http://xmlns.com/foaf/0.1/';
const VCARD = 'http://www.w3.org/2006/vcard/ns#';
const SKOS = 'http://www.w3.org/2004/02/skos/core#';
// Both spellings occur in the wild; Hydra's own context says http, some publishers write https.
const HYDRA = ['http://www.w3.org/ns/hydra/core#', 'https://www.w3.org/ns/hydra/core#'];
const SCHEMA = ['http://schema.org/', 'https://schema.org/'];

/** A node of the graph: an IRI, a blank node or (as an object) a literal. */
export type Node = Quad_Subject | Quad_Object;

/** The objects of `node p ?` for each predicate in turn, in the order the page gave them. */
function objects(store: Store, node: Term, ...predicates: string[]): Node[] {
  return predicates.flatMap((p) => store.getObjects(node, namedNode(p), null));
}

/** English first, then no language, then other English variants, then anything. */
function languageRank(term: Node): number {
  if (term.termType !== 'Literal') return 4;
  const lang = term.language.toLowerCase();
  if (lang === 'en') return 0;
  if (lang === '') return 1;
  if (lang.startsWith('en-')) return 2;
  return 3;
}

/** The best literal of `node p ?` (see languageRank), trimmed, or null. */
function text(store: Store, node: Term, ...predicates: string[]): string | null {
  const literals = objects(store, node, ...predicates).filter(
    (o) => o.termType === 'Literal' && o.value.trim() !== '',
  );
  const best = literals.sort((a, b) => languageRank(a) - languageRank(b))[0];
  return best ? best.value.trim() : null;
}

/**
 * What a term stands for as a string: an IRI, a literal's text, or a blank node's label (a
 * licence, format or frequency written as `[ rdfs:label "CSV" ]`, as ckanext-dcat does).
 */
function valueOf(store: Store, term: Node): string | null {
  if (term.termType === 'NamedNode') return term.value;
  if (term.termType === 'Literal') return term.value.trim() || null;
  if (term.termType === 'BlankNode') {
    return text(
      store,
      term,
      `${DCT}identifier`,
      `${RDFS}label`,
      `${SKOS}prefLabel`,
      `${DCT}title`,
      `${RDF}value`,
    );
  }
  return null;
}

function firstValue(store: Store, node: Term, ...predicates: string[]): string | null {
  for (const o of objects(store, node, ...predicates)) {
    const value = valueOf(store, o);
    if (value) return value;
  }
  return null;
}

const DATE = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:Z|[+-]\d{2}:\d{2})?$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/;

/** xsd:date (or gYear, gYearMonth) as written, xsd:dateTime as UTC ISO 8601; else null. */
export function isoTime(value: string | null): string | null {
  const v = value?.trim() ?? '';
  const date = DATE.exec(v);
  if (date) return date[1] ?? null;
  if (!DATE_TIME.test(v)) return null;
  // A time without a zone is taken as UTC: the source's local zone is unknown.
  const time = Date.parse(ZONE.test(v) ? v : `${v}Z`);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function email(value: string | null): string | null {
  if (!value) return null;
  const address =
    value
      .replace(/^mailto:/i, '')
      .split('?')[0]
      ?.trim() ?? '';
  try {
    return decodeURIComponent(address) || null;
  } catch {
    return address || null;
  }
}

function keywords(store: Store, node: Term): string[] {
  const all = objects(store, node, `${DCAT}keyword`).filter((o) => o.termType === 'Literal');
  // A multilingual source repeats each keyword per language: keep the preferred language's.
  const best = Math.min(...all.map(languageRank));
  const tags = all.filter((o) => languageRank(o) === best).map((o) => o.value.trim());
  const seen = new Set<string>();
  return tags.filter((t) => {
    const key = t.toLowerCase();
    if (!t || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function publisher(store: Store, node: Term): string | null {
  for (const agent of objects(store, node, `${DCT}publisher`)) {
    const name =
      agent.termType === 'Literal'
        ? agent.value.trim()
        : text(store, agent, `${FOAF}name`, `${VCARD}fn`, `${SKOS}prefLabel`, `${RDFS}label`);
    if (name) return name;
  }
  return null;
}

function contact(store: Store, node: Term): { name: string | null; email: string | null } {
  for (const point of objects(store, node, `${DCAT}contactPoint`)) {
    if (point.termType === 'Literal') continue;
    const name = text(store, point, `${VCARD}fn`, `${VCARD}organization-name`);
    const address = email(firstValue(store, point, `${VCARD}hasEmail`));
    if (name || address) return { name, email: address };
  }
  return { name: null, email: null };
}

function temporal(store: Store, node: Term): { start: string | null; end: string | null } {
  for (const period of objects(store, node, `${DCT}temporal`)) {
    if (period.termType === 'Literal') continue;
    const start = isoTime(
      text(store, period, `${DCAT}startDate`, ...SCHEMA.map((s) => `${s}startDate`)),
    );
    const end = isoTime(text(store, period, `${DCAT}endDate`, ...SCHEMA.map((s) => `${s}endDate`)));
    if (start || end) return { start, end };
  }
  return { start: null, end: null };
}

function byteSize(value: string | null): number | null {
  const n = Number(value);
  return value && Number.isFinite(n) && n >= 0 ? Math.round(n) : null;
}

/** A distribution as a resource, or null when it gives no URL to fetch it from. */
function distribution(store: Store, node: Node): HarvestedResource | null {
  const url =
    firstValue(store, node, `${DCAT}downloadURL`) ?? firstValue(store, node, `${DCAT}accessURL`);
  if (!url) return null;
  const r = resource(url, text(store, node, `${DCT}title`) ?? lastSegment(url));
  r.description = text(store, node, `${DCT}description`) ?? '';
  const format = firstValue(store, node, `${DCT}format`);
  r.mediaType = mediaTypeOf(firstValue(store, node, `${DCAT}mediaType`)) ?? mediaTypeOf(format);
  r.format = formatName(format) ?? formatName(r.mediaType);
  r.size = byteSize(text(store, node, `${DCAT}byteSize`));
  r.modified = isoTime(text(store, node, `${DCT}modified`));
  return r;
}

/** The nodes typed dcat:Dataset on this page. */
export function datasetNodes(store: Store): Node[] {
  return store.getSubjects(namedNode(`${RDF}type`), namedNode(`${DCAT}Dataset`), null);
}

/**
 * A dataset node as a HarvestedDataset. Its identifier is its IRI, or its dct:identifier when it
 * is a blank node (a blank node's label changes from one reading to the next); '' when it has
 * neither, and the title is '' when it has none: the caller reports those.
 */
export function readDataset(store: Store, node: Node): HarvestedDataset {
  const identifier =
    node.termType === 'NamedNode' ? node.value : (text(store, node, `${DCT}identifier`) ?? '');
  const d = dataset(identifier, text(store, node, `${DCT}title`) ?? '');
  d.description = text(store, node, `${DCT}description`) ?? '';
  d.tags = keywords(store, node);
  d.landingPage = firstValue(store, node, `${DCAT}landingPage`);
  // A dataset never changed since it was issued was last modified then.
  d.modified = isoTime(text(store, node, `${DCT}modified`) ?? text(store, node, `${DCT}issued`));
  d.publisher = publisher(store, node);
  const { name, email: address } = contact(store, node);
  d.contactName = name;
  d.contactEmail = address;
  const frequency = firstValue(store, node, `${DCT}accrualPeriodicity`);
  d.updateFrequency = frequency && /^https?:/i.test(frequency) ? lastSegment(frequency) : frequency;
  const period = temporal(store, node);
  d.temporalStart = period.start;
  d.temporalEnd = period.end;
  const distributions = objects(store, node, `${DCAT}distribution`);
  d.resources = distributions.flatMap((r) => distribution(store, r) ?? []);
  // DCAT-AP puts the licence on distributions; many sources give the dataset none of its own.
  d.licence =
    firstValue(store, node, `${DCT}license`) ??
    distributions.map((r) => firstValue(store, r, `${DCT}license`)).find((l) => l !== null) ??
    null;
  return d;
}

/**
 * The next page's URL from Hydra paging: hydra:next (a PartialCollectionView) or the legacy
 * hydra:nextPage (a PagedCollection, which Metrodata and ckanext-dcat write). The page's own
 * statement wins when the graph holds several.
 */
export function nextPage(store: Store, pageUrl: string): string | null {
  const links = HYDRA.flatMap((ns) =>
    [`${ns}next`, `${ns}nextPage`].flatMap((p) => store.getQuads(null, namedNode(p), null, null)),
  ).filter((q) => q.object.termType === 'NamedNode');
  const own = links.find((q) => q.subject.value === pageUrl) ?? links[0];
  return own ? own.object.value : null;
}
