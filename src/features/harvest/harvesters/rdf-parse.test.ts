import { describe, expect, it } from 'vitest';
import { fetcherFor } from '../../../../test/helpers/harvest.js';
import { contextLoader, MAX_CONTEXTS, parseRdfPage } from './rdf-parse.js';

// The JSON-LD context loader: only through the harvest's fetcher, each context once, a few a
// harvest, and never a scheme other than http(s).

const SITE = 'https://data.example.org';
const context = JSON.stringify({ '@context': { title: 'http://purl.org/dc/terms/title' } });

describe('remote JSON-LD contexts', () => {
  it('are fetched through the harvest, once each', async () => {
    const fetcher = fetcherFor({ [`${SITE}/ctx.jsonld`]: context });
    const load = contextLoader(fetcher);
    const page = {
      url: `${SITE}/catalog.jsonld`,
      contentType: 'application/ld+json',
      body: JSON.stringify({ '@context': `${SITE}/ctx.jsonld`, '@id': `${SITE}/d/1`, title: 'A' }),
    };
    const first = await parseRdfPage(page, load);
    await parseRdfPage(page, load);
    expect(first.size).toBe(1);
    expect(fetcher.urls).toEqual([`${SITE}/ctx.jsonld`]);
  });

  it(`refuses more than ${String(MAX_CONTEXTS)} of them, and any that is not http(s)`, async () => {
    const pages = Object.fromEntries(
      Array.from({ length: MAX_CONTEXTS + 1 }, (_, i) => [`${SITE}/ctx-${String(i)}`, context]),
    );
    const load = contextLoader(fetcherFor(pages));
    for (const url of Object.keys(pages).slice(0, MAX_CONTEXTS)) await load(url);
    await expect(load(`${SITE}/ctx-${String(MAX_CONTEXTS)}`)).rejects.toThrow(
      `more than ${String(MAX_CONTEXTS)} remote JSON-LD contexts`,
    );
    await expect(contextLoader(fetcherFor({}))('file:///etc/passwd')).rejects.toThrow(
      'the context file:///etc/passwd is not an http(s) URL',
    );
  });

  it('says which context could not be loaded, and why', async () => {
    const page = {
      url: `${SITE}/catalog.jsonld`,
      contentType: 'application/ld+json',
      body: JSON.stringify({ '@context': `${SITE}/gone.jsonld`, '@id': `${SITE}/d/1` }),
    };
    await expect(parseRdfPage(page, contextLoader(fetcherFor({})))).rejects.toThrow(
      `The source's answer at ${SITE}/catalog.jsonld is not valid JSON-LD: its @context ${SITE}/gone.jsonld could not be loaded: HTTP 404 for ${SITE}/gone.jsonld`,
    );
  });
});

describe('RDF/XML', () => {
  it('resolves relative IRIs against the page, and names the syntax it could not read', async () => {
    const body = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dct="http://purl.org/dc/terms/">
      <rdf:Description rdf:about="d/1"><dct:title>One</dct:title></rdf:Description></rdf:RDF>`;
    const page = { url: `${SITE}/catalog.rdf`, contentType: 'application/rdf+xml', body };
    const store = await parseRdfPage(page, contextLoader(fetcherFor({})));
    expect(store.getSubjects(null, null, null).map((s) => s.value)).toEqual([`${SITE}/d/1`]);
    await expect(
      parseRdfPage({ ...page, body: '<rdf:RDF><unclosed>' }, contextLoader(fetcherFor({}))),
    ).rejects.toThrow(`The source's answer at ${SITE}/catalog.rdf is not valid RDF/XML`);
  });
});
