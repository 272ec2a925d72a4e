// The RDF vocabularies DCAT-AP 3.0.1 uses, as IRI builders, and the prefixes every output
// (Turtle, JSON-LD's context, RDF/XML's namespaces) declares.

export const PREFIXES = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  spdx: 'http://spdx.org/rdf/terms#',
  hydra: 'http://www.w3.org/ns/hydra/core#',
  dqv: 'http://www.w3.org/ns/dqv#',
  prov: 'http://www.w3.org/ns/prov#',
} as const;

type Prefix = keyof typeof PREFIXES;
const ns =
  (prefix: Prefix) =>
  (local: string): string =>
    PREFIXES[prefix] + local;

export const rdf = ns('rdf');
export const rdfs = ns('rdfs');
export const xsd = ns('xsd');
export const dcat = ns('dcat');
export const dct = ns('dct');
export const foaf = ns('foaf');
export const vcard = ns('vcard');
export const skos = ns('skos');
export const spdx = ns('spdx');
export const hydra = ns('hydra');
export const dqv = ns('dqv');
export const prov = ns('prov');

/** The EU Publications Office's authority tables (DCAT-AP's controlled vocabularies). */
export const EU = {
  dataTheme: 'http://publications.europa.eu/resource/authority/data-theme',
  frequency: 'http://publications.europa.eu/resource/authority/frequency',
  fileType: 'http://publications.europa.eu/resource/authority/file-type',
  licence: 'http://publications.europa.eu/resource/authority/licence',
} as const;

export const IANA_MEDIA_TYPES = 'https://www.iana.org/assignments/media-types/';
