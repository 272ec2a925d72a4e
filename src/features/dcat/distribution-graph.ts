import type { DcatResourceInput } from './dcat-input.js';
import { type Graph, safeIri } from './graph.js';
import { fileTypeIri, mediaTypeIri } from './mappings.js';
import { addEndpoint, openApiIri } from './shared-nodes.js';
import { dcat, dct, spdx } from './vocabularies.js';

/** Where a distribution sits, and what its data service says of itself (as its dataset does). */
export interface DistributionContext {
  base: string;
  /** The dataset's IRI. */
  subject: string;
  /** The dataset's landing page. */
  page: string;
  licence: string;
  publisher: string;
  contact: string | null;
  themes: string[];
  tags: string[];
}

/** A resource as a distribution; one in the datastore also as the data service querying it. */
export function addDistribution(
  g: Graph,
  at: DistributionContext,
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
    g.link(service, dct('publisher'), at.publisher);
    if (at.contact) g.link(service, dcat('contactPoint'), at.contact);
    for (const theme of at.themes) g.link(service, dcat('theme'), theme);
    for (const tag of at.tags) g.text(service, dcat('keyword'), tag, 'en');
  }
}
