import sharp from 'sharp';
import * as cheerio from 'cheerio';
import type { PageClient } from './pages.js';

// The report form as a browser sends it (multipart, `_csrf` first, checkboxes repeated, up to
// three photos), and photos with what cameras put in them.

export interface FormFile {
  field: string;
  filename: string;
  content: Buffer;
  contentType?: string;
}

/** A multipart body: the fields in order (a list repeats the field), then the files. */
export function multipartForm(
  fields: [string, string][],
  files: FormFile[] = [],
): { body: Buffer; contentType: string } {
  const boundary = '----metrodata-report-boundary';
  const parts: Buffer[] = [];
  for (const [name, value] of fields) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.filename}"\r\n` +
          `Content-Type: ${f.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      f.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Posts the details form read from `pageUrl` (its hidden fields and token), with changes. */
export async function postDetails(
  client: PageClient,
  pageUrl: string,
  fields: Record<string, string | string[]>,
  files: FormFile[] = [],
) {
  const page = await client.get(pageUrl);
  const $ = cheerio.load(page.body);
  const form = $('form[enctype="multipart/form-data"]');
  const hidden: [string, string][] = form
    .find('input[type=hidden]')
    .toArray()
    .map((el) => [$(el).attr('name') ?? '', $(el).val() as string]);
  const rest: [string, string][] = Object.entries(fields).flatMap(([k, v]) =>
    (Array.isArray(v) ? v : [v]).map((one): [string, string] => [k, one]),
  );
  return client.upload('/report/details', multipartForm([...hidden, ...rest], files));
}

/** A camera's JPEG: turned (EXIF orientation 6) and with the GPS position it was taken at. */
export function cameraPhoto(width = 2400, height = 1200): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#336699' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'PhoneCo', Model: 'Snapper 9' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '53/1 28/1 3000/100',
        GPSLongitudeRef: 'W',
        GPSLongitude: '2/1 14/1 4500/100',
      },
    })
    .toBuffer();
}

/** Whether EXIF data (as sharp gives it: "Exif\0\0", then TIFF) has a GPS IFD in IFD0. */
export function hasGps(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  const tiff = exif.subarray(exif.indexOf('Exif\0\0', 0, 'latin1') + 6);
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd0 = u32(4);
  for (let i = 0; i < u16(ifd0); i++) {
    if (u16(ifd0 + 2 + i * 12) === 0x8825) return true;
  }
  return false;
}

/** A point `metres` north of another (a degree of latitude is about 111.2 km). */
export const northOf = (p: { lat: number; lon: number }, metres: number) => ({
  lat: p.lat + metres / 111_195,
  lon: p.lon,
});

/** The confirmation link of the last mail whose text has `path`, as a path on the site. */
export function linkIn(mail: string, path: string): string {
  const match = new RegExp(`https?://[^\\s/]+(${path.replace(/\//g, '\\/')}[A-Za-z0-9_-]+)`).exec(
    mail,
  );
  if (!match?.[1]) throw new Error(`No ${path} link in the mail`);
  return match[1];
}
