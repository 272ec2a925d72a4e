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
