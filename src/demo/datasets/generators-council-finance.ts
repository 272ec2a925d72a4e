import { csv, fixed } from './files.js';
import { councilOf, dateOfDay, dayOf, idOf } from '../region/localities.js';
import { itemAt, rngFor } from '../region/random.js';

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

// [directorate, weight, service areas, the trades of its suppliers]
const DIRECTORATES = (
  [
    [
      'Adult Social Care',
      30,
      'Residential care, Home care, Supported living, Day services',
      'Care, Homecare, Living, Support',
    ],
    [
      "Children's Services",
      22,
      'Foster care, Residential placements, Home to school transport, SEND support',
      'Fostering, Care, Travel, Learning',
    ],
    [
      'Neighbourhoods',
      18,
      'Waste collection, Highways maintenance, Parks, Libraries, Street lighting',
      'Highways, Grounds, Recycling, Lighting',
    ],
    [
      'Growth and Development',
      12,
      'Housing, Regeneration, Property maintenance, Markets',
      'Construction, Building, Surveying, Joinery',
    ],
    [
      'Corporate Core',
      13,
      'ICT, Legal services, Finance, Training, Revenues',
      'Digital, Consulting, Print, Training',
    ],
    [
      'Public Health',
      5,
      'Sexual health, Drug and alcohol services, Health visiting',
      'Health, Recovery, Wellbeing',
    ],
  ] as const
).map(([name, weight, services, trades]) => ({
  name,
  weight,
  services: services.split(', '),
  trades: trades.split(', '),
}));

const EXPENSES = ['Third party payments', 'Supplies and services', 'Premises', 'Professional fees'];
const EXPENSE_WEIGHTS = [40, 27, 13, 8];
const MORE_EXPENSES = ['ICT', 'Transport', 'Grants'];
const MORE_WEIGHTS = [6, 4, 4];

// Invented supplier names (two words and a company form); any likeness to a real firm is chance.
const NAMES = ['Irwell', 'Medlock', 'Pennine', 'Bridgewater', 'Redbank', 'Northmoor', 'Ashgrove'];
const FORMS = ['Ltd', 'Ltd', 'Ltd', 'Ltd', 'LLP', 'CIC', 'Trust'];

export const SPENDING_ROWS = 2400;

export function manchesterSpendingCsv(): string {
  const rng = rngFor('manchester-spending-over-500');
  const suppliers = DIRECTORATES.map((dir) =>
    Array.from({ length: 40 }, () => {
      const name = `${rng.pick(NAMES)} ${rng.pick(dir.trades)} ${rng.pick(FORMS)}`;
      const company = name.endsWith('Ltd') || name.endsWith('LLP');
      return { name, type: company ? 'Company' : 'Charity or social enterprise' };
    }),
  );
  const start = dayOf('2024-04-01');
  // Payment runs happen on weekdays (1 April 2024 was a Monday).
  const weekdays = Array.from({ length: 365 }, (_, d) => d).filter((d) => d % 7 < 5);
  const rows = Array.from({ length: SPENDING_ROWS }, () => rng.pick(weekdays))
    .sort((a, b) => a - b)
    .map((d, n) => {
      const k = rng.weighted(
        DIRECTORATES.map((_, i) => i),
        DIRECTORATES.map((x) => x.weight),
      );
      const dir = itemAt(DIRECTORATES, k);
      const redacted = k === 0 && rng.chance(0.08);
      const supplier = rng.pick(itemAt(suppliers, k));
      // Most payments are a few thousand pounds; a few building contracts run to millions.
      const big = dir.name.startsWith('Growth') && rng.chance(0.04) ? rng.between(20, 200) : 1;
      const amount = 500 * Math.exp(Math.abs(rng.normal()) * 1.7 + rng.next()) * big;
      return [
        idOf('MCC-2425', n + 1, 6),
        dateOfDay(start + d),
        dir.name,
        rng.pick(dir.services),
        rng.weighted([...EXPENSES, ...MORE_EXPENSES], [...EXPENSE_WEIGHTS, ...MORE_WEIGHTS]),
        redacted ? 'REDACTED (personal data)' : supplier.name,
        redacted ? 'Individual' : supplier.type,
        fixed(Math.min(amount, 4.5e6), 2),
      ];
    });
  const header = ['transaction_ref', 'payment_date', 'directorate', 'service_area', 'expense_type'];
  return csv([...header, 'supplier_name', 'supplier_type', 'amount_gbp'], rows);
}
