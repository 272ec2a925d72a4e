import { BOROUGHS, populationShare, urbanity, type Borough } from '../region/boroughs.js';
import { csv, fixed, monthOf, months, winterness } from './files.js';
import { rngFor } from '../region/random.js';

// A rough relative deprivation score per borough (1 is the regional average), so that claimant
// rates, life expectancy and crime differ between boroughs the way the real ones broadly do.
const DEPRIVATION: Record<string, number> = {
  Manchester: 1.5,
  Oldham: 1.3,
  Rochdale: 1.3,
  Salford: 1.2,
  Bolton: 1.15,
  Tameside: 1.1,
  Wigan: 0.95,
  Bury: 0.9,
  Stockport: 0.75,
  Trafford: 0.7,
};
const deprivation = (b: Borough) => DEPRIVATION[b.name] ?? 1;

const CRIMES = [
  ['Violence against the person', 0.36, -0.08],
  ['Sexual offences', 0.04, -0.05],
  ['Robbery', 0.02, 0.05],
  ['Theft offences', 0.18, 0.03],
  ['Burglary', 0.06, 0.12],
  ['Vehicle offences', 0.08, 0.06],
  ['Criminal damage and arson', 0.1, -0.04],
  ['Drug offences', 0.03, 0],
  ['Public order offences', 0.09, -0.06],
  ['Possession of weapons', 0.01, 0],
  ['Miscellaneous crimes against society', 0.03, 0],
] as const;

export function crimeCsv(): string {
  const rng = rngFor('recorded-crime');
  const weights = BOROUGHS.map((b) => populationShare(b) * deprivation(b) * urbanity(b) ** 0.2);
  const total = weights.reduce((a, b) => a + b, 0);
  const rows = months('2023-01', '2024-12').flatMap((m) =>
    BOROUGHS.flatMap((b, i) =>
      CRIMES.map(([category, share, season]) => {
        const mean =
          (33_000 * (weights[i] ?? 0) * share * (1 + season * winterness(monthOf(m)))) / total;
        return [m, b.code, b.name, category, rng.count(mean)];
      }),
    ),
  );
  return csv(['month', 'area_code', 'borough', 'offence_group', 'offences'], rows);
}

// [age group, share of claimants, share of the working-age population]
const AGE_GROUPS = [
  ['16-24', 0.18, 0.2],
  ['25-49', 0.58, 0.55],
  ['50-64', 0.24, 0.25],
] as const;

export function claimantCsv(): string {
  const rng = rngFor('claimant-count');
  const ms = months('2022-01', '2024-12');
  const rows = ms.flatMap((m, i) => {
    // Falling after the pandemic, bottoming out in mid-2023, then creeping up.
    const cycle = 1 + (0.004 * (i - 18) ** 2) / 18 - 0.02;
    return BOROUGHS.flatMap((b) => {
      const workingAge = b.population * (0.6 + 0.05 * Math.min(urbanity(b), 2));
      const rate = 2.3 + 2.6 * (deprivation(b) - 0.7);
      return AGE_GROUPS.map(([age, share, people]) => {
        const claimants = rng.count(((workingAge * rate) / 100) * cycle * share);
        const ageRate = (claimants / (workingAge * people)) * 100;
        return [m, b.code, b.name, age, claimants, fixed(ageRate)];
      });
    });
  });
  return csv(['month', 'area_code', 'borough', 'age_group', 'claimants', 'rate_pct'], rows);
}

const SIZE_BANDS = [
  ['Micro (0 to 9)', 0.892],
  ['Small (10 to 49)', 0.088],
  ['Medium-sized (50 to 249)', 0.016],
  ['Large (250+)', 0.004],
] as const;

export function businessCountsCsv(): string {
  const rng = rngFor('business-counts');
  const rows = [2019, 2020, 2021, 2022, 2023, 2024].flatMap((year, i) =>
    BOROUGHS.flatMap((b) => {
      const perHead = 0.03 + 0.004 * Math.min(urbanity(b), 2.5) + 0.008 * (1.2 - deprivation(b));
      const dip = year === 2021 ? 0.97 : 1;
      const enterprises = b.population * perHead * (1 + 0.018 * i) * dip;
      return SIZE_BANDS.map(([band, share]) => [
        year,
        b.code,
        b.name,
        band,
        rng.count(enterprises * share),
      ]);
    }),
  );
  return csv(['year', 'area_code', 'borough', 'employment_size_band', 'enterprises'], rows);
}

const PERIODS = ['2016-2018', '2017-2019', '2018-2020', '2019-2021', '2020-2022'];
const PANDEMIC = [0, 0, -0.3, -0.7, -0.8];

export function lifeExpectancyCsv(): string {
  const rng = rngFor('life-expectancy');
  const rows = PERIODS.flatMap((period, p) =>
    BOROUGHS.flatMap((b) => {
      const d = deprivation(b) - 0.7;
      const male = 80.4 - 5.2 * d + (PANDEMIC[p] ?? 0) + rng.normal() * 0.15;
      const female = male + 3.6 + rng.normal() * 0.15;
      const hMale = 66 - 9 * d + rng.normal() * 0.6;
      const hFemale = hMale + 0.8 + rng.normal() * 0.6;
      return [
        [period, b.code, b.name, 'Female', fixed(female), fixed(hFemale)],
        [period, b.code, b.name, 'Male', fixed(male), fixed(hMale)],
      ];
    }),
  );
  const header = ['period', 'area_code', 'borough', 'sex', 'life_expectancy_at_birth'];
  return csv([...header, 'healthy_life_expectancy_at_birth'], rows);
}
