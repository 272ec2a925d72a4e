// shacl-engine ships no types; what test/helpers/rdf.ts uses of it.
declare module 'shacl-engine' {
  import type { DatasetCore } from '@rdfjs/types';

  export class Validator {
    constructor(shapes: DatasetCore, options: { factory: unknown });
    validate(data: { dataset: DatasetCore }): Promise<{ conforms: boolean; results: unknown[] }>;
  }
}
