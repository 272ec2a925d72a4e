import { EU, IANA_MEDIA_TYPES } from './vocabularies.js';

// Our words mapped to the controlled vocabularies harvesters expect (docs/api.md, "DCAT-AP 3",
// repeats these tables). Something that does not map is left out rather than guessed.

/** Catalogue theme slug to EU data theme (themes added later fall back to our own concept). */
export const THEMES: Readonly<Record<string, { code: string; label: string }>> = {
  'digital-inclusion': { code: 'SOCI', label: 'Population and society' },
  broadband: { code: 'TECH', label: 'Science and technology' },
  transport: { code: 'TRAN', label: 'Transport' },
  environment: { code: 'ENVI', label: 'Environment' },
  housing: { code: 'SOCI', label: 'Population and society' },
  'community-safety': { code: 'JUST', label: 'Justice, legal system and public safety' },
  'service-requests': { code: 'GOVE', label: 'Government and public sector' },
  economy: { code: 'ECON', label: 'Economy and finance' },
  health: { code: 'HEAL', label: 'Health' },
  population: { code: 'SOCI', label: 'Population and society' },
  boundaries: { code: 'REGI', label: 'Regions and cities' },
  'digital-services': { code: 'GOVE', label: 'Government and public sector' },
};

/** Update frequency to the EU frequency vocabulary ("biannual" is twice a year: ANNUAL_2). */
export const FREQUENCIES: Readonly<Record<string, { code: string; label: string }>> = {
  continual: { code: 'CONT', label: 'continuous' },
  daily: { code: 'DAILY', label: 'daily' },
  weekly: { code: 'WEEKLY', label: 'weekly' },
  monthly: { code: 'MONTHLY', label: 'monthly' },
  quarterly: { code: 'QUARTERLY', label: 'quarterly' },
  biannual: { code: 'ANNUAL_2', label: 'semiannual' },
  annual: { code: 'ANNUAL', label: 'annual' },
  irregular: { code: 'IRREG', label: 'irregular' },
  never: { code: 'NEVER', label: 'never' },
};

/**
 * Licence id to the licence document's IRI: the EU licence vocabulary where it has the licence,
 * the publisher's own page where it does not (the OGL has no EU entry).
 */
export const LICENCE_IRIS: Readonly<Record<string, string>> = {
  'OGL-UK-3.0': 'http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
  'OGL-UK-2.0': 'http://www.nationalarchives.gov.uk/doc/open-government-licence/version/2/',
  'CC-BY-4.0': `${EU.licence}/CC_BY_4_0`,
  'CC-BY-SA-4.0': `${EU.licence}/CC_BYSA_4_0`,
  'CC0-1.0': `${EU.licence}/CC0`,
  'ODbL-1.0': `${EU.licence}/ODC_BL`,
};

/** Organisation kind to the ADMS publisher type (police, health, other: none fits for sure). */
export const PUBLISHER_TYPES: Readonly<Record<string, { code: string; label: string }>> = {
  'combined-authority': { code: 'RegionalAuthority', label: 'Regional authority' },
  transport: { code: 'RegionalAuthority', label: 'Regional authority' },
  council: { code: 'LocalAuthority', label: 'Local authority' },
};

/** Licence id to its ADMS licence types: what it asks of re-users. */
export const LICENCE_TYPES: Readonly<Record<string, readonly string[]>> = {
  'OGL-UK-3.0': ['Attribution'],
  'OGL-UK-2.0': ['Attribution'],
  'CC-BY-4.0': ['Attribution'],
  'CC-BY-SA-4.0': ['Attribution', 'ShareAlike'],
  'CC0-1.0': ['PublicDomain'],
  'ODbL-1.0': ['Attribution', 'ShareAlike'],
};

/** Resource format to the EU file type (NDJSON has none). */
const FILE_TYPES: ReadonlySet<string> = new Set([
  'CSV',
  'TSV',
  'JSON',
  'GEOJSON',
  'XLSX',
  'XLS',
  'PARQUET',
  'PDF',
  'ZIP',
  'XML',
  'TXT',
  'HTML',
  'KML',
  'SHP',
]);

/** Media types registered with IANA (x- types and octet-stream have no page there). */
const REGISTERED_MEDIA_TYPES: ReadonlySet<string> = new Set([
  'text/csv',
  'text/tab-separated-values',
  'application/json',
  'application/geo+json',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  'application/vnd.apache.parquet',
  'application/pdf',
  'application/zip',
  'application/xml',
  'text/plain',
  'text/html',
  'application/vnd.google-earth.kml+xml',
]);

export const ADMS_PUBLISHER_TYPE = 'http://purl.org/adms/publishertype/';
export const ADMS_LICENCE_TYPE = 'http://purl.org/adms/licencetype/';
/** The language of our metadata, in the EU language table. */
export const ENGLISH = 'http://publications.europa.eu/resource/authority/language/ENG';
/** What the data services' descriptions (our OpenAPI document) conform to. */
export const OPENAPI_STANDARD = 'https://spec.openapis.org/oas/v3.1.0';

export const themeIri = (code: string) => `${EU.dataTheme}/${code}`;
export const frequencyIri = (code: string) => `${EU.frequency}/${code}`;

export function fileTypeIri(format: string): string | null {
  const f = format.toUpperCase();
  return FILE_TYPES.has(f) ? `${EU.fileType}/${f}` : null;
}

export function mediaTypeIri(mediaType: string | null): string | null {
  const type = mediaType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return REGISTERED_MEDIA_TYPES.has(type) ? IANA_MEDIA_TYPES + type : null;
}
