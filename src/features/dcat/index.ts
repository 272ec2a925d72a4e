// DCAT-AP 3.0.1 out: the catalogue and each dataset in Turtle, JSON-LD and RDF/XML for
// harvesters (docs/api.md, "DCAT-AP 3"). Nothing depends on it.

export { registerDcat } from './dcat.plugin.js';
