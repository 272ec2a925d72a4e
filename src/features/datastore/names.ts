import { BBOX, ROW_ID, type Warning } from './field.js';

/**
 * Column names made usable: trimmed, blanks named column_N, repeats numbered, and names the
 * datastore keeps for itself avoided. Order and count are kept.
 */
export function uniqueNames(names: string[], reserved: string[]): string[] {
  const used = new Set(reserved.map((r) => r.toLowerCase()));
  return names.map((raw, i) => {
    const base = raw.trim().replace(/\s+/g, ' ').slice(0, 120) || `column_${i + 1}`;
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}_${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/**
 * The fields' names for a source's columns: usable, clear of the datastore's own columns (the
 * row id, the bounding box, and `geometry` unless the source gives it), each change reported.
 */
export function fieldNames(
  sourceNames: string[],
  geometry: boolean,
  warnings: Warning[],
): string[] {
  const bbox: readonly string[] = BBOX;
  const names = uniqueNames(sourceNames, [ROW_ID, ...BBOX, ...(geometry ? [] : ['geometry'])]);
  names.forEach((n, i) => {
    if (n !== sourceNames[i] && !(geometry && bbox.includes(sourceNames[i] ?? ''))) {
      warnings.push({
        field: n,
        message: `column ${i + 1} "${sourceNames[i] ?? ''}" was renamed "${n}" (blank or repeated name)`,
      });
    }
  });
  return names;
}
