import type { Licence } from '../catalog/index.js';
import { type Graph, safeIri } from './graph.js';
import {
  ADMS_LICENCE_TYPE,
  ADMS_PUBLISHER_TYPE,
  LICENCE_IRIS,
  LICENCE_TYPES,
  OPENAPI_STANDARD,
  PUBLISHER_TYPES,
} from './mappings.js';
import { dcat, dct, foaf, rdfs, skos } from './vocabularies.js';

// The nodes datasets, distributions and the catalogue share: IRIs of our pages, publishers,
// licences, vocabulary terms and service endpoints.

/** Where things live on this site: IRIs are dereferenceable where they can be. */
export function datasetIri(base: string, slug: string): string {
  return `${base}/dataset/${slug}`;
}
export const landingPage = (base: string, slug: string) => `${base}/datasets/${slug}`;
export const organisationIri = (base: string, slug: string) => `${base}/organisations/${slug}`;
export const openApiIri = (base: string) => `${base}/api/v1/openapi.json`;

/** The licence document: an IRI from the mapping, else the licence's page, else one of ours. */
export function addLicence(
  g: Graph,
  base: string,
  licence: Pick<Licence, 'id' | 'title' | 'url'>,
): string {
  const iri =
    LICENCE_IRIS[licence.id] ??
    safeIri(licence.url) ??
    `${base}/api/v1/licences#${encodeURIComponent(licence.id)}`;
  g.type(iri, dct('LicenseDocument'));
  g.text(iri, rdfs('label'), licence.title, 'en');
  for (const type of LICENCE_TYPES[licence.id] ?? []) {
    g.link(iri, dct('type'), ADMS_LICENCE_TYPE + type);
    concept(g, ADMS_LICENCE_TYPE + type, type.replace(/(?<=.)([A-Z])/g, ' $1').toLowerCase());
  }
  return iri;
}

/** A term of a controlled vocabulary, with its label (DCAT-AP's skos:Concept needs one). */
export function concept(g: Graph, iri: string, label: string): void {
  g.type(iri, skos('Concept'));
  g.text(iri, skos('prefLabel'), label, 'en');
}

/** A publisher: a foaf:Agent with its name and, where one fits, its ADMS publisher type. */
export function addAgent(g: Graph, iri: string, name: string, kind: string): void {
  g.type(iri, foaf('Agent'));
  g.text(iri, foaf('name'), name);
  const type = PUBLISHER_TYPES[kind];
  if (type) {
    g.link(iri, dct('type'), ADMS_PUBLISHER_TYPE + type.code);
    concept(g, ADMS_PUBLISHER_TYPE + type.code, type.label);
  }
}

/** A data service's endpoint, description and the standard it follows (our OpenAPI). */
export function addEndpoint(g: Graph, service: string, url: string, description: string): void {
  g.link(service, dcat('endpointURL'), url);
  g.link(service, dcat('endpointDescription'), description);
  // DCAT-AP's range of both is rdfs:Resource, which a validator without inference must see.
  g.type(url, rdfs('Resource'));
  g.type(description, rdfs('Resource'));
  g.link(service, dct('conformsTo'), OPENAPI_STANDARD);
  g.type(OPENAPI_STANDARD, dct('Standard'));
}
