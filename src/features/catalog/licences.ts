export interface Licence {
  id: string;
  title: string;
  url: string | null;
  open: boolean;
}

/** Licences a publisher can choose; ids follow the SPDX / CKAN conventions. */
export const LICENCES: readonly Licence[] = [
  {
    id: 'OGL-UK-3.0',
    title: 'Open Government Licence v3.0',
    url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
    open: true,
  },
  {
    id: 'OGL-UK-2.0',
    title: 'Open Government Licence v2.0',
    url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/2/',
    open: true,
  },
  {
    id: 'CC-BY-4.0',
    title: 'Creative Commons Attribution 4.0',
    url: 'https://creativecommons.org/licenses/by/4.0/',
    open: true,
  },
  {
    id: 'CC-BY-SA-4.0',
    title: 'Creative Commons Attribution Share-Alike 4.0',
    url: 'https://creativecommons.org/licenses/by-sa/4.0/',
    open: true,
  },
  {
    id: 'CC0-1.0',
    title: 'Creative Commons Zero (public domain)',
    url: 'https://creativecommons.org/publicdomain/zero/1.0/',
    open: true,
  },
  {
    id: 'ODbL-1.0',
    title: 'Open Data Commons Open Database Licence 1.0',
    url: 'https://opendatacommons.org/licenses/odbl/1-0/',
    open: true,
  },
  { id: 'other-open', title: 'Other (open)', url: null, open: true },
  { id: 'other-closed', title: 'Other (not open)', url: null, open: false },
];

export const DEFAULT_LICENCE = 'OGL-UK-3.0';

export function licenceById(id: string): Licence {
  return LICENCES.find((l) => l.id === id) ?? { id, title: id, url: null, open: false };
}
