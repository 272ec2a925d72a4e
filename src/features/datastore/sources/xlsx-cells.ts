/** How an Excel cell's value becomes text in the CSV handed to DuckDB (types are inferred later). */

export interface CellContext {
  date1904: boolean;
  /** Counts cells holding Excel errors (#N/A, #DIV/0! ...), which load as empty. */
  errors: number;
}

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** Strips quoted text and [colour]/[locale] sections, leaving the format's codes. */
const codes = (numFmt: string) => numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
const isDateFormat = (numFmt: string) =>
  /[ymdhsb]/i.test(codes(numFmt)) && !/^general$/i.test(numFmt);
const showsTime = (numFmt: string) => /[hs]/i.test(codes(numFmt));

/**
 * ISO text for an Excel date: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` when the cell's format
 * shows a time or the value has one. The reader gives dates as UTC wall-clock time.
 */
export function isoDate(date: Date, numFmt: string): string {
  if (Number.isNaN(date.getTime())) return '';
  const rounded = new Date(Math.round(date.getTime() / 1000) * 1000);
  const iso = rounded.toISOString();
  const midnight = iso.slice(11, 19) === '00:00:00';
  return showsTime(numFmt) || !midnight ? iso.slice(0, 19) : iso.slice(0, 10);
}

/** An Excel serial day number as a date (formula results come back as bare numbers). */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date((date1904 ? EPOCH_1904 : EPOCH_1900) + Math.round(serial * DAY_MS));
}

function numberText(n: number): string {
  return Number.isFinite(n) ? String(n) : '';
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !(v instanceof Date);

/** Text of a value of any kind the streaming reader gives (see exceljs CellValue). */
export function cellText(
  value: unknown,
  numFmt: string,
  ctx: CellContext,
  formula = false,
): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    // The reader turns date-formatted cells into dates itself, but not formula results.
    return formula && isDateFormat(numFmt) && Number.isFinite(value)
      ? isoDate(serialToDate(value, ctx.date1904), numFmt)
      : numberText(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return isoDate(value, numFmt);
  if (!isRecord(value)) return '';
  if (Array.isArray(value.richText)) {
    return value.richText
      .map((run) => (isRecord(run) && typeof run.text === 'string' ? run.text : ''))
      .join('');
  }
  if ('formula' in value || 'sharedFormula' in value) {
    // Formulas load as the result Excel saved with them; an error result (read as NaN) counts.
    if (typeof value.result === 'number' && Number.isNaN(value.result)) {
      ctx.errors++;
      return '';
    }
    return cellText(value.result, numFmt, ctx, true);
  }
  if ('hyperlink' in value) return cellText(value.text, numFmt, ctx);
  if ('error' in value) {
    ctx.errors++;
    return '';
  }
  return '';
}
