import type { Field } from '../../field.js';
import { cellText } from '../table/table.view.js';

const FORMATS: Record<string, string> = {
  'uk-date': 'read from UK dates (day/month/year)',
  thousands: 'read from numbers with thousands separators',
  'currency-gbp': 'read from amounts in pounds',
  percent: 'read from percentages',
};

/** The data dictionary: each field's type, how it was read and its stats, ready to show. */
export function fieldsView(fields: Field[]) {
  return fields.map((f) => ({
    name: f.name,
    type: f.geometry ? `${f.type} (GeoJSON geometry)` : f.type,
    note: [
      f.source_name !== undefined ? `called “${f.source_name}” in the file` : '',
      f.format ? (FORMATS[f.format] ?? `read as ${f.format}`) : '',
    ]
      .filter(Boolean)
      .join('; '),
    nulls: f.stats?.nulls ?? null,
    min: f.stats ? cellText(f.stats.min, f.type) : '',
    max: f.stats ? cellText(f.stats.max, f.type) : '',
    distinct: f.stats?.distinct ?? null,
    samples: (f.stats?.samples ?? []).map((s) => cellText(s, f.type)).slice(0, 5),
  }));
}
