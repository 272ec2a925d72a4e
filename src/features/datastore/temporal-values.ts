// Dates and times as people write them in a filter, read strictly: Date.parse() takes
// "2024-02-30" (as 1 March) and "Jan 1 2024", and DuckDB refuses other things JavaScript takes
// (years past 9999), so both are checked here against the calendar.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

const leap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `YYYY-MM-DD` if it names a day that exists in years 1 to 9999, else null. */
export function calendarDate(value: string): string | null {
  const m = DATE.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return null;
  const days = mo === 2 && leap(y) ? 29 : (DAYS[mo - 1] ?? 0);
  return d <= days ? value : null;
}

/**
 * An ISO 8601 date or date and time (a missing zone is UTC) as DuckDB's UTC timestamp text
 * (`YYYY-MM-DDTHH:MM:SS.sss`), or null if it is not one, names a time that does not exist, or
 * falls outside years 1 to 9999 once in UTC.
 */
export function timestampUtc(value: string): string | null {
  const m = TIMESTAMP.exec(value.trim());
  if (!m?.[1] || calendarDate(m[1]) === null) return null;
  const [hh = '00', mm = '00', ss = '00', frac = ''] = [m[2], m[3], m[4], m[5]];
  if (Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return null;
  let zone = (m[6] ?? 'Z').toUpperCase();
  if (zone !== 'Z') {
    const [zh, zm] = [zone.slice(1, 3), zone.slice(-2)];
    if (Number(zh) > 23 || Number(zm) > 59) return null;
    zone = `${zone.slice(0, 3)}:${zm}`;
  }
  const at = new Date(`${m[1]}T${hh}:${mm}:${ss}${frac.slice(0, 4)}${zone}`);
  const year = at.getUTCFullYear();
  if (Number.isNaN(at.getTime()) || year < 1 || year > 9999) return null;
  return at.toISOString().replace('Z', '');
}
