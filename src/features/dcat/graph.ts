import { DataFactory, type Quad } from 'n3';
import { rdf, xsd } from './vocabularies.js';

// Characters an IRI may not hold as they are (RFC 3987, Turtle's IRIREF), which WHATWG URL
// serialisation can leave in a query or fragment.
const UNSAFE_IRI_CHARS = /[\s<>"{}|^`\\]/g;

/** An absolute http(s) or mailto URL as a safe IRI, or null when it is none. */
export function safeIri(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!['http:', 'https:', 'mailto:'].includes(parsed.protocol)) return null;
  return parsed.href.replace(UNSAFE_IRI_CHARS, (c) => encodeURIComponent(c));
}

/**
 * The quads of one document, each once: shared nodes (a theme, a licence, a publisher) are
 * described by every dataset that uses them, and a catalogue page would repeat them.
 */
export class Graph {
  private readonly seen = new Set<string>();
  // Kept by subject, so each subject's statements are written together (Turtle groups them).
  private readonly bySubject = new Map<string, Quad[]>();

  get quads(): Quad[] {
    return [...this.bySubject.values()].flat();
  }

  private add(q: Quad): void {
    const key = `${q.subject.value} ${q.predicate.value} ${q.object.termType} ${q.object.value} ${
      q.object.termType === 'Literal' ? `${q.object.language}|${q.object.datatype.value}` : ''
    }`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const list = this.bySubject.get(q.subject.value);
    if (list) list.push(q);
    else this.bySubject.set(q.subject.value, [q]);
  }

  /** `subject predicate <object>`. */
  link(subject: string, predicate: string, object: string): void {
    this.add(
      DataFactory.quad(
        DataFactory.namedNode(subject),
        DataFactory.namedNode(predicate),
        DataFactory.namedNode(object),
      ),
    );
  }

  type(subject: string, ...classes: string[]): void {
    for (const c of classes) this.link(subject, rdf('type'), c);
  }

  /** A string, in English when `lang` is given. */
  text(subject: string, predicate: string, value: string, lang?: 'en'): void {
    this.add(
      DataFactory.quad(
        DataFactory.namedNode(subject),
        DataFactory.namedNode(predicate),
        DataFactory.literal(value, lang),
      ),
    );
  }

  /** A typed literal (`datatype` a local name of XML Schema). */
  typed(subject: string, predicate: string, value: string, datatype: string): void {
    this.add(
      DataFactory.quad(
        DataFactory.namedNode(subject),
        DataFactory.namedNode(predicate),
        DataFactory.literal(value, DataFactory.namedNode(xsd(datatype))),
      ),
    );
  }
}
