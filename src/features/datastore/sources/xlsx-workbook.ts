import { posix } from 'node:path';
import { NOT_XLSX, readZipEntry, type ZipEntry } from './zip-directory.js';
import { SourceError } from './source.js';

export interface SheetRef {
  name: string;
  /** The sheet's part in the zip, e.g. xl/worksheets/sheet1.xml; '' when it is missing. */
  part: string;
}

export interface WorkbookInfo {
  sheets: SheetRef[];
  /** Serial dates count from 1904 (old Mac workbooks) rather than 1900. */
  date1904: boolean;
}

const XML_MAX = 16 * 1024 * 1024;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeXml = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) => {
    if (e.startsWith('#x') || e.startsWith('#X'))
      return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? all;
  });

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    found.set(m[1] ?? '', decodeXml(m[2] ?? m[3] ?? ''));
  }
  return found;
}

/** Elements named `local` in any namespace prefix, as attribute maps. */
const elements = (xml: string, local: string) =>
  [...xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?${local}\\b([^>]*)>`, 'g'))].map((m) =>
    attributes(m[1] ?? ''),
  );

const idOf = (attrs: Map<string, string>) =>
  [...attrs.entries()].find(([k]) => k.endsWith(':id'))?.[1] ?? '';

/**
 * The workbook's sheets in their tab order with the part each one lives in. Read from the
 * workbook and its relationships ourselves: the streaming reader meets sheets in zip order and
 * only knows their names when the relationships come first.
 */
export async function readWorkbook(file: string, entries: ZipEntry[]): Promise<WorkbookInfo> {
  const entry = (name: string) => entries.find((e) => e.name === name);
  const book = entry('xl/workbook.xml');
  if (!book) throw new SourceError(`${NOT_XLSX}: it is a zip file, but not an Excel workbook`);
  const bookXml = (await readZipEntry(file, book, XML_MAX)).toString('utf8');
  const relsEntry = entry('xl/_rels/workbook.xml.rels');
  const relsXml = relsEntry ? (await readZipEntry(file, relsEntry, XML_MAX)).toString('utf8') : '';
  const targets = new Map(
    elements(relsXml, 'Relationship').map((r) => {
      const target = r.get('Target') ?? '';
      const part = target.startsWith('/') ? target.slice(1) : posix.normalize(`xl/${target}`);
      return [r.get('Id') ?? '', part] as const;
    }),
  );
  const sheets = elements(bookXml, 'sheet').map((s) => ({
    name: s.get('name') ?? '',
    part: targets.get(idOf(s)) ?? '',
  }));
  const pr = elements(bookXml, 'workbookPr')[0];
  const date1904 = ['1', 'true'].includes(pr?.get('date1904') ?? '');
  return { sheets, date1904 };
}

/** The sheet asked for, or the first worksheet; a clear error lists the names when it is missing. */
export function chooseSheet(info: WorkbookInfo, wanted: string | undefined): SheetRef {
  const isWorksheet = (s: SheetRef) => /^xl\/worksheets\/[^/]+\.xml$/.test(s.part);
  const sheet =
    wanted === undefined
      ? info.sheets.find(isWorksheet)
      : (info.sheets.find((s) => s.name === wanted) ??
        info.sheets.find((s) => s.name.trim().toLowerCase() === wanted.trim().toLowerCase()));
  if (!sheet) {
    const names = info.sheets.map((s) => `"${s.name}"`).join(', ');
    throw new SourceError(
      wanted === undefined
        ? 'The workbook has no worksheets'
        : `The workbook has no sheet named "${wanted}"; its sheets are ${names}`,
    );
  }
  if (!isWorksheet(sheet))
    throw new SourceError(`The sheet "${sheet.name}" is a chart, not a table`);
  if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(sheet.part)) {
    throw new SourceError(
      `The sheet "${sheet.name}" is stored in a way this reader does not support; save the workbook again in Excel`,
    );
  }
  return sheet;
}
