// Which representation a client asked for by its Accept header. HTML is offered first, so it
// wins every tie: browsers (text/html explicitly, or */*) keep getting the page, and only a
// client preferring an RDF type gets RDF.

export type RdfFormat = 'turtle' | 'jsonld' | 'rdfxml';

const OFFERS: readonly [string, RdfFormat | null][] = [
  ['text/html', null],
  ['text/turtle', 'turtle'],
  ['application/ld+json', 'jsonld'],
  ['application/rdf+xml', 'rdfxml'],
];

interface Range {
  type: string;
  subtype: string;
  q: number;
}

function parseAccept(header: string): Range[] {
  return header.split(',').flatMap((part) => {
    const [mediaRange = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const [type, subtype] = mediaRange.split('/');
    if (!type || !subtype) return [];
    const qParam = params.find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    return Number.isFinite(q) ? [{ type, subtype, q: Math.min(Math.max(q, 0), 1) }] : [];
  });
}

/** The quality the client gives one media type: that of the most specific range matching it. */
function qualityOf(ranges: Range[], mediaType: string): number {
  const [type, subtype] = mediaType.split('/');
  let best = -1;
  let q = 0;
  for (const r of ranges) {
    const specificity =
      r.type === type && r.subtype === subtype
        ? 2
        : r.type === type && r.subtype === '*'
          ? 1
          : r.type === '*' && r.subtype === '*'
            ? 0
            : -1;
    if (specificity > best) {
      best = specificity;
      q = r.q;
    }
  }
  return q;
}

/** The RDF format the client prefers to HTML, or null (HTML, the default). */
export function preferredRdf(accept: string | undefined): RdfFormat | null {
  if (!accept) return null;
  const ranges = parseAccept(accept);
  let chosen: RdfFormat | null = null;
  let bestQ = 0;
  for (const [mediaType, format] of OFFERS) {
    const q = qualityOf(ranges, mediaType);
    if (q > bestQ) {
      bestQ = q;
      chosen = format;
    }
  }
  return chosen;
}
