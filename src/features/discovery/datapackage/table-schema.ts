import { ROW_ID, type Field } from '../../datastore/index.js';

// A Table Schema (Frictionless v1) for a resource's CSV export, built from the datastore's
// fields. The types are those the export writes: ISO dates, timestamps as ISO 8601 in UTC
// with Z, booleans as true/false, GeoJSON geometries as JSON text.

export interface TableField {
  name: string;
  type: string;
  format?: string;
  title?: string;
  trueValues?: string[];
  falseValues?: string[];
  constraints?: { required: boolean; unique: boolean };
}

export interface TableSchema {
  fields: TableField[];
  missingValues: string[];
  primaryKey?: string[];
}

function tableField(f: Field): TableField {
  const title = f.source_name !== undefined ? { title: f.source_name } : {};
  switch (f.type) {
    case 'integer':
      return { name: f.name, type: 'integer', ...title };
    case 'decimal':
      return { name: f.name, type: 'number', ...title };
    case 'date':
      return { name: f.name, type: 'date', format: 'default', ...title };
    case 'timestamp':
      return { name: f.name, type: 'datetime', format: 'default', ...title };
    case 'boolean':
      return {
        name: f.name,
        type: 'boolean',
        trueValues: ['true'],
        falseValues: ['false'],
        ...title,
      };
    case 'text':
      return f.geometry
        ? { name: f.name, type: 'geojson', format: 'default', ...title }
        : { name: f.name, type: 'string', format: 'default', ...title };
  }
}

/** The export's `_id` column: the datastore's row number, unique in every version. */
const ROW_ID_FIELD: TableField = {
  name: ROW_ID,
  type: 'integer',
  title: 'Row number',
  constraints: { required: true, unique: true },
};

/**
 * The schema of the CSV export of these fields; with `withRowId`, the export starts with `_id`,
 * which is then the primary key. An empty cell is a missing value (DuckDB writes NULL so).
 */
export function tableSchema(fields: Field[], withRowId: boolean): TableSchema {
  return {
    fields: [...(withRowId ? [ROW_ID_FIELD] : []), ...fields.map(tableField)],
    missingValues: [''],
    ...(withRowId ? { primaryKey: [ROW_ID] } : {}),
  };
}

/** The CSV dialect DuckDB's COPY writes (`FORMAT csv, HEADER true`). */
export const CSV_DIALECT = {
  delimiter: ',',
  doubleQuote: true,
  lineTerminator: '\n',
  quoteChar: '"',
  header: true,
  skipInitialSpace: false,
};
