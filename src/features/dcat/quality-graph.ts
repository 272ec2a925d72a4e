import type { QualityMeasures } from '../quality/index.js';
import type { Graph } from './graph.js';
import { dqv, prov, rdfs, skos } from './vocabularies.js';

// A dataset's quality scores as W3C Data Quality Vocabulary measurements, as the European data
// portal publishes its MQA results: one dqv:QualityMeasurement per metric, each metric defined
// once at /quality (the page that explains them) with its dimension.

const DIMENSIONS = [
  'findability',
  'accessibility',
  'interoperability',
  'reusability',
  'contextuality',
] as const;

const metricIri = (base: string, name: string) => `${base}/quality#${name}`;

function addMetric(g: Graph, base: string, name: string, label: string, dimension: string) {
  const iri = metricIri(base, name);
  g.type(iri, dqv('Metric'));
  g.text(iri, skos('definition'), label, 'en');
  g.link(iri, dqv('expectedDataType'), 'http://www.w3.org/2001/XMLSchema#integer');
  g.link(iri, dqv('inDimension'), metricIri(base, dimension));
  g.type(metricIri(base, dimension), dqv('Dimension'));
  g.text(metricIri(base, dimension), rdfs('label'), dimension, 'en');
  return iri;
}

/** The measurements of one dataset (`subject`), when it has been scored. */
export function addQuality(g: Graph, base: string, subject: string, m: QualityMeasures) {
  const measure = (name: string, metric: string, value: number) => {
    const node = `${subject}#quality-${name}`;
    g.link(subject, dqv('hasQualityMeasurement'), node);
    g.type(node, dqv('QualityMeasurement'));
    g.link(node, dqv('computedOn'), subject);
    g.link(node, dqv('isMeasurementOf'), metric);
    g.typed(node, dqv('value'), String(value), 'integer');
    g.typed(node, prov('generatedAtTime'), m.computed_at, 'dateTime');
  };
  measure(
    'openness-stars',
    addMetric(g, base, 'openness-stars', 'Five-star openness (0 to 5)', 'openness'),
    m.stars,
  );
  measure(
    'metadata-score',
    addMetric(g, base, 'metadata-score', 'Metadata quality, MQA points (of 405)', 'metadata'),
    m.total,
  );
  for (const d of DIMENSIONS) {
    measure(d, addMetric(g, base, `${d}-points`, `MQA ${d} points`, d), m.dimensions[d]);
  }
}
