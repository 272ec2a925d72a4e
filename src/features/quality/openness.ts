import { isMachineReadable, isOpenFormat, isRdf } from './format-classes.js';
import type { DatasetInput } from './quality-input.js';

// The five-star openness scale (Tim Berners-Lee's, as data.gov.uk used it). Each star needs
// the ones before it: a dataset in CSV under a closed licence has none.

export interface Star {
  stars: number;
  /** What this star means, for the page. */
  meaning: string;
  met: boolean;
  /** Why it is not met and what to do, when it is not. */
  reason: string | null;
  fix: string | null;
}

export interface Openness {
  stars: number;
  scale: Star[];
}

interface Rule {
  meaning: string;
  met: (d: DatasetInput) => boolean;
  reason: string;
  fix: string;
}

const RULES: Rule[] = [
  {
    meaning: 'Openly licensed: anyone may use and share it',
    met: (d) => d.licence.open,
    reason: 'the licence is not an open licence',
    fix: 'publish it under the Open Government Licence (or another open licence)',
  },
  {
    meaning: 'Structured: a program can read it (not a PDF or a scanned page)',
    met: (d) => d.resources.some((r) => isMachineReadable(r.format)),
    reason: 'no resource is in a machine-readable format',
    fix: 'add the data as a spreadsheet, CSV or JSON file, not only a PDF or web page',
  },
  {
    meaning: 'Open format: CSV, JSON, GeoJSON, Parquet … rather than Excel',
    met: (d) => d.resources.some((r) => isOpenFormat(r.format)),
    reason: 'no resource is in an open format',
    fix: 'add a CSV (or JSON, GeoJSON) copy beside the Excel file',
  },
  {
    meaning: 'URIs: its records can be queried at a stable address',
    met: (d) => d.resources.some((r) => r.queryable || isRdf(r.format)),
    reason: 'no resource is loaded into the datastore or published as RDF',
    fix: 'upload the data as CSV or GeoJSON so the datastore serves it through its query API',
  },
  {
    meaning: 'Linked: it links to other people’s data (an RDF format)',
    met: (d) => d.resources.some((r) => isRdf(r.format)),
    reason: 'no resource is linked data',
    fix: 'add an RDF (Turtle or JSON-LD) version that links to shared identifiers (ONS codes, UPRNs)',
  },
];

/** The dataset's stars, and for each star whether it is met, why not, and the fix. */
export function openness(d: DatasetInput): Openness {
  let stars = 0;
  const scale = RULES.map((rule, i) => {
    const ok = rule.met(d);
    const met = ok && stars === i;
    if (met) stars = i + 1;
    return {
      stars: i + 1,
      meaning: rule.meaning,
      met,
      // A rule met while an earlier star is missing waits for that star.
      reason: met ? null : ok ? `needs star ${String(i)} first` : rule.reason,
      fix: met || ok ? null : rule.fix,
    };
  });
  return { stars, scale };
}
