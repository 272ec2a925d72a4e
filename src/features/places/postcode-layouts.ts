import { parseCsvLine } from './csv-line.js';
import { osgbToWgs84 } from './osgb.js';
import { normalisePostcode } from './postcode.js';

// The two layouts an operator can import, told apart by the file's first line: the ONS Postcode
// Directory (a header naming its columns, WGS 84 coordinates) and OS Code-Point Open (no header,
// ten columns, OSGB36 grid coordinates).

export const POSTCODE_SOURCES = ['ONSPD', 'Code-Point Open', 'synthetic (demo)'] as const;
export type PostcodeSource = (typeof POSTCODE_SOURCES)[number];

export interface PostcodeRecord {
  postcode: string;
  latitude: number;
  longitude: number;
  local_authority_code: string | null;
  ward_code: string | null;
  terminated: boolean;
  source: PostcodeSource;
}

export type RowResult = { record: PostcodeRecord } | { skip: string };

export interface Layout {
  source: PostcodeSource;
  /** Whether the first line is a header (not a postcode). */
  header: boolean;
  /** Fields every line must have; a line with another count means the file is damaged. */
  fields: number;
  parse(fields: string[]): RowResult;
}

export const SKIP = {
  noGridReference: 'no grid reference',
  notPostcode: 'not a UK postcode',
  badCoordinates: 'coordinates are not numbers in range',
} as const;

/** ONSPD's "no code" values (E99999999, a blank) as null. */
const code = (value: string | undefined): string | null => {
  const v = (value ?? '').trim();
  return v === '' || /^[A-Z]99999999$/.test(v) ? null : v;
};

function onspd(header: string[]): Layout | null {
  const names = header.map((h) => h.trim().toLowerCase());
  const at = (...candidates: (string | RegExp)[]) => {
    for (const c of candidates) {
      const i = names.findIndex((n) => (typeof c === 'string' ? n === c : c.test(n)));
      if (i >= 0) return i;
    }
    return -1;
  };
  const pc = at('pcds', 'pcd', 'pcd2', 'pcd7', 'pcd8');
  const lat = at('lat');
  const long = at('long');
  if (pc < 0 || lat < 0 || long < 0) return null;
  // Older directories name the district and ward oslaua/osward; newer ones by year (lad25cd).
  const la = at('oslaua', /^lad\d{2}cd$/);
  const ward = at('osward', /^wd\d{2}cd$/);
  const doterm = at('doterm');
  return {
    source: 'ONSPD',
    header: true,
    fields: names.length,
    parse(f) {
      const postcode = normalisePostcode(f[pc] ?? '');
      if (!postcode) return { skip: SKIP.notPostcode };
      const latitude = Number(f[lat]);
      const longitude = Number(f[long]);
      // ONSPD's placeholder for a postcode without a grid reference: 99.999999, 0.000000.
      if (latitude > 99) return { skip: SKIP.noGridReference };
      if (!inRange(latitude, longitude)) return { skip: SKIP.badCoordinates };
      return {
        record: {
          postcode,
          latitude,
          longitude,
          local_authority_code: la < 0 ? null : code(f[la]),
          ward_code: ward < 0 ? null : code(f[ward]),
          terminated: doterm >= 0 && (f[doterm] ?? '').trim() !== '',
          source: 'ONSPD',
        },
      };
    },
  };
}

const CODE_POINT_HEADER = /^(pc|postcode)$/i;
const INTEGER = /^\s*\d+\s*$/;

function codePointOpen(first: string[]): Layout | null {
  if (first.length < 4) return null;
  const header = CODE_POINT_HEADER.test((first[0] ?? '').trim());
  const looksLikeRow =
    normalisePostcode(first[0] ?? '') !== null &&
    INTEGER.test(first[2] ?? '') &&
    INTEGER.test(first[3] ?? '');
  if (!header && !looksLikeRow) return null;
  return {
    source: 'Code-Point Open',
    header,
    fields: first.length,
    parse(f) {
      const postcode = normalisePostcode(f[0] ?? '');
      if (!postcode) return { skip: SKIP.notPostcode };
      const easting = Number(f[2]);
      const northing = Number(f[3]);
      // Quality 90: no coordinates (they are 0, 0 in the file).
      if ((f[1] ?? '').trim() === '90' || (easting === 0 && northing === 0)) {
        return { skip: SKIP.noGridReference };
      }
      if (!INTEGER.test(f[2] ?? '') || !INTEGER.test(f[3] ?? '') || easting > 700_000) {
        return { skip: SKIP.badCoordinates };
      }
      if (northing > 1_300_000) return { skip: SKIP.badCoordinates };
      const { latitude, longitude } = osgbToWgs84(easting, northing);
      return {
        record: {
          postcode,
          latitude,
          longitude,
          local_authority_code: code(f[8]),
          ward_code: code(f[9]),
          // Code-Point Open lists live postcodes only.
          terminated: false,
          source: 'Code-Point Open',
        },
      };
    },
  };
}

const inRange = (lat: number, lon: number) =>
  Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;

/** The layout of a file from its first line, or null when it is neither. */
export function detectLayout(firstLine: string): Layout | null {
  const fields = parseCsvLine(firstLine.replace(/^\uFEFF/, ''));
  if (!fields) return null;
  return onspd(fields) ?? codePointOpen(fields);
}

export const LAYOUT_HELP =
  'an ONS Postcode Directory CSV has a header naming pcds (or pcd), lat and long; an OS ' +
  'Code-Point Open CSV has no header and ten columns: postcode, quality, eastings, northings, ' +
  'country, NHS region, NHS health authority, county, district and ward codes';
