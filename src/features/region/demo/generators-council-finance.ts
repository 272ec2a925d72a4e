import { csv, fixed } from './files.js';
import { councilOf, dateOfDay, dayOf, idOf } from './localities.js';
import { itemAt, rngFor } from './random.js';

// Council tax bands and spending over £500: the money side of the Local Government
// Transparency Code.

const BANDS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
/** Ninths of Band D each band pays. */
const RATIOS = [6, 7, 8, 9, 11, 13, 15, 18];
/** A typical Greater Manchester mix: most homes are in bands A to C. */
const BAND_MIX = [0.42, 0.21, 0.17, 0.1, 0.06, 0.025, 0.013, 0.002];

export function buryCouncilTaxBandsCsv(): string {
  const rng = rngFor('bury-council-tax-bands');
  const bury = councilOf('bury-council');
  const places = bury.localities.map((locality) => {
    // Below 0 leans to bands A and B (older terraces), above 0 to the bigger bands.
    const lean = rng.between(-0.8, 1);
    const weights = BAND_MIX.map((share, k) => share * Math.exp(lean * 0.45 * (k - 2)));
    const total = weights.reduce((a, b) => a + b, 0);
    const homes = (bury.borough.population / 2.25 / bury.localities.length) * rng.between(0.6, 1.4);
    return { locality, shares: weights.map((w) => w / total), homes };
  });
  const rows = [0, 1, 2, 3, 4].flatMap((i) => {
    const year = `${2020 + i}-${String(21 + i)}`;
    const bandD = 1905.6 * 1.0499 ** i; // Up by the most allowed without a referendum.
    return places.flatMap((p) =>
      BANDS.map((band, k) => {
        const ratio = itemAt(RATIOS, k);
        const base = p.homes * itemAt(p.shares, k) * (1 + 0.006 * i);
        const dwellings = Math.round(base * (1 + 0.01 * rng.normal()));
        return [
          year,
          p.locality,
          band,
          `${ratio}/9`,
          dwellings,
          fixed((dwellings * ratio) / 9),
          fixed((bandD * ratio) / 9, 2),
        ];
      }),
    );
  });
  const header = ['financial_year', 'locality', 'band', 'band_d_ratio', 'dwellings'];
  return csv([...header, 'band_d_equivalents', 'annual_charge_gbp'], rows);
}

// [directorate, weight, service areas]
const DIRECTORATES = [
  ['Adult Social Care', 30, ['Residential care', 'Home care', 'Supported living', 'Day services']],
  [
    "Children's Services",
    22,
    ['Foster care', 'Residential placements', 'Home to school transport', 'SEND support'],
  ],
  [
    'Neighbourhoods',
    18,
    ['Waste collection', 'Highways maintenance', 'Parks', 'Libraries', 'Street lighting'],
  ],
  ['Growth and Development', 12, ['Housing', 'Regeneration', 'Property maintenance', 'Markets']],
  ['Corporate Core', 13, ['ICT', 'Legal services', 'Finance', 'Training', 'Revenues']],
  ['Public Health', 5, ['Sexual health', 'Drug and alcohol services', 'Health visiting']],
] as const;

const EXPENSES = ['Third party payments', 'Supplies and services', 'Premises', 'Professional fees'];
const EXPENSE_WEIGHTS = [40, 27, 13, 8];
const MORE_EXPENSES = ['ICT', 'Transport', 'Grants'];
const MORE_WEIGHTS = [6, 4, 4];

// Invented supplier names (two words and a company form); any likeness to a real firm is chance.
const NAME_1 = ['Irwell', 'Medlock', 'Pennine', 'Bridgewater', 'Redbank', 'Northmoor', 'Ashgrove'];
const NAME_2 = ['Millgate', 'Kingfisher', 'Deanwater', 'Larkspur', 'Stonebridge', 'Tib'];
const TRADES = ['Care', 'Homecare', 'Transport', 'Construction', 'Facilities', 'Supplies'].concat([
  'Consulting',
  'Digital',
  'Training',
  'Print',
  'Catering',
  'Cleaning',
  'Highways',
  'Grounds',
]);
const FORMS = ['Ltd', 'Ltd', 'Ltd', 'Ltd', 'LLP', 'CIC', 'Trust'];
const SUPPLIER_TYPES = ['Company', 'Charity or social enterprise', 'Public body'];

export const SPENDING_ROWS = 2400;

export function manchesterSpendingCsv(): string {
  const rng = rngFor('manchester-spending-over-500');
  const suppliers = Array.from({ length: 240 }, () => {
    const name = `${rng.pick([...NAME_1, ...NAME_2])} ${rng.pick(TRADES)} ${rng.pick(FORMS)}`;
    const type = name.endsWith('Ltd') || name.endsWith('LLP') ? 0 : rng.chance(0.8) ? 1 : 2;
    return { name, type: itemAt(SUPPLIER_TYPES, type) };
  });
  const start = dayOf('2024-04-01');
  // Payment runs happen on weekdays (1 April 2024 was a Monday).
  const weekdays = Array.from({ length: 365 }, (_, d) => d).filter((d) => d % 7 < 5);
  const rows = Array.from({ length: SPENDING_ROWS }, () => rng.pick(weekdays))
    .sort((a, b) => a - b)
    .map((d, n) => {
      const [directorate, , services] = rng.weighted(
        DIRECTORATES,
        DIRECTORATES.map((x) => x[1]),
      );
      const redacted = directorate.startsWith('Adult') && rng.chance(0.08);
      const supplier = rng.pick(suppliers);
      // Most payments are a few thousand pounds; a few building contracts run to millions.
      const amount = Math.min(500 * Math.exp(Math.abs(rng.normal()) * 1.7 + rng.next()), 2.5e6);
      return [
        idOf('MCC-2425', n + 1, 6),
        dateOfDay(start + d),
        directorate,
        rng.pick(services),
        rng.weighted([...EXPENSES, ...MORE_EXPENSES], [...EXPENSE_WEIGHTS, ...MORE_WEIGHTS]),
        redacted ? 'REDACTED (personal data)' : supplier.name,
        redacted ? 'Individual' : supplier.type,
        fixed(amount, 2),
      ];
    });
  const header = ['transaction_ref', 'payment_date', 'directorate', 'service_area', 'expense_type'];
  return csv([...header, 'supplier_name', 'supplier_type', 'amount_gbp'], rows);
}
