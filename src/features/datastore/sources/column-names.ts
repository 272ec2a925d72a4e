import { BBOX, ROW_ID, type Warning } from '../field.js';
import { uniqueNames } from '../names.js';

/**
 * Names the datastore keeps for itself. Sources resolve them here, with the same rule ingest
 * applies, so a column's final name is known (and explained) before DuckDB reads the file.
 */
export const RESERVED_NAMES: readonly string[] = [ROW_ID, ...BBOX, 'geometry'];

const tidy = (raw: string) => raw.trim().replace(/\s+/g, ' ');

function renameWarning(
  index: number,
  raw: string,
  name: string,
  earlier: string[],
  reserved: readonly string[],
): Warning {
  const column = `column ${index + 1}`;
  const base = tidy(raw);
  const lower = base.toLowerCase();
  let why: string;
  if (base === '') return { field: name, message: `${column} has no name: called "${name}"` };
  if (base.length > 120 && name === base.slice(0, 120)) why = 'is over 120 characters long';
  else if (earlier.some((e) => tidy(e).toLowerCase() === lower)) why = 'repeats an earlier name';
  else if (reserved.some((r) => r.toLowerCase() === lower)) {
    why = 'is a name the datastore keeps for itself';
  } else why = 'clashes with a name given to an earlier column';
  return { field: name, message: `${column} "${raw}" ${why}: called "${name}"` };
}

/** Final, unique column names for a header, with a warning for each one that had to change. */
export function nameColumns(
  raw: string[],
  reserved: readonly string[] = RESERVED_NAMES,
): { names: string[]; warnings: Warning[] } {
  const names = uniqueNames(raw, [...reserved]);
  const warnings: Warning[] = [];
  names.forEach((name, i) => {
    const source = raw[i] ?? '';
    if (name !== tidy(source)) {
      warnings.push(renameWarning(i, source, name, raw.slice(0, i), reserved));
    }
  });
  return { names, warnings };
}

/**
 * The same naming for keys met one at a time (JSON records, GeoJSON properties), where the
 * full list is only known at the end of the file.
 */
export class ColumnNamer {
  private readonly raw: string[] = [];
  private readonly byKey = new Map<string, string>();
  readonly warnings: Warning[] = [];

  constructor(
    private readonly limit: number,
    private readonly reserved: readonly string[] = RESERVED_NAMES,
  ) {}

  get size(): number {
    return this.raw.length;
  }

  /** The column name for a key, or undefined when the limit of columns is reached. */
  name(key: string): string | undefined {
    const known = this.byKey.get(key);
    if (known !== undefined || this.raw.length >= this.limit) return known;
    const name = uniqueNames([...this.raw, key], [...this.reserved]).at(-1) ?? key;
    if (name !== tidy(key)) {
      this.warnings.push(renameWarning(this.raw.length, key, name, this.raw, this.reserved));
    }
    this.raw.push(key);
    this.byKey.set(key, name);
    return name;
  }
}
