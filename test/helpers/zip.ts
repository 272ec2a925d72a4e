import { deflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  /** The part's content, deflated here; or `deflated` bytes given as they are. */
  content?: string | Buffer;
  deflated?: Buffer;
  /** The uncompressed size the zip declares (its real size unless a test makes it lie). */
  declared?: number;
}

/** A zip file built byte by byte, so a test can make its central directory lie. */
export function buildZip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const raw = typeof part.content === 'string' ? Buffer.from(part.content) : part.content;
    const data = part.deflated ?? deflateRawSync(raw ?? Buffer.alloc(0));
    const size = part.declared ?? raw?.length ?? 0;
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const WORKBOOK =
  '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  '<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>';
const RELS =
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
  '</Relationships>';

/** The XML of a sheet with these rows of inline strings (up to 26 columns). */
export function sheetXml(rows: string[][]): string {
  const cells = (row: string[], r: number) =>
    row
      .map(
        (v, c) =>
          `<c r="${String.fromCharCode(65 + c)}${r}" t="inlineStr"><is><t>${v}</t></is></c>`,
      )
      .join('');
  return (
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
    rows.map((row, i) => `<row r="${i + 1}">${cells(row, i + 1)}</row>`).join('') +
    '</sheetData></worksheet>'
  );
}

/** A minimal valid workbook of one sheet, "Data"; `sheet` replaces its sheet part. */
export function minimalXlsx(sheet: Partial<ZipPart> = {}, extra: ZipPart[] = []): Buffer {
  return buildZip([
    { name: 'xl/workbook.xml', content: WORKBOOK },
    { name: 'xl/_rels/workbook.xml.rels', content: RELS },
    ...extra,
    {
      name: 'xl/worksheets/sheet1.xml',
      content: sheetXml([['ward'], ['Halliwell']]),
      ...sheet,
    },
  ]);
}

/**
 * A deflated sheet part that inflates to `bytes` of XML: the sheet's opening tags and then
 * whitespace, never closed (a bomb has no need to be well formed). Keep it to tens of MB.
 */
export function bombSheet(bytes: number): Buffer {
  const head =
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  const filler = Buffer.alloc(bytes - head.length, 0x20);
  return deflateRawSync(Buffer.concat([Buffer.from(head), filler]), { level: 9 });
}
