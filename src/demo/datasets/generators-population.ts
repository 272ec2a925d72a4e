import { BOROUGHS, urbanity } from '../region/boroughs.js';
import { csv } from './files.js';
import { rngFor } from '../region/random.js';

// Share of people in each five-year age band (0-4 ... 85-89, 90+) in a typical English borough.
const TYPICAL = [
  6.0, 6.3, 6.1, 5.7, 6.0, 6.6, 6.8, 6.6, 6.3, 6.2, 6.7, 6.7, 6.0, 5.2, 5.0, 3.8, 2.6, 1.4, 0.6,
];
// University cities skew to young adults: Manchester most, Salford somewhat.
const STUDENT_CITY = [
  6.3, 5.8, 5.5, 5.6, 12.4, 11.8, 9.6, 7.6, 6.3, 5.6, 5.1, 4.8, 4.1, 3.2, 2.6, 1.8, 1.1, 0.6, 0.3,
];
const BANDS = TYPICAL.map((_, i) => (i === 18 ? '90+' : `${i * 5}-${i * 5 + 4}`));
// Women outlive men: the female share of each band, rising in old age.
const FEMALE_SHARE = BANDS.map((_, i) => (i < 13 ? 0.495 : 0.51 + 0.03 * (i - 13)));

export function populationCsv(): string {
  const rng = rngFor('population-estimates');
  const rows = [2018, 2019, 2020, 2021, 2022, 2023].flatMap((year) =>
    BOROUGHS.flatMap((b) => {
      const young = b.name === 'Manchester' ? 1 : b.name === 'Salford' ? 0.45 : 0;
      const growth = 0.006 + 0.01 * Math.min(urbanity(b), 2) * young;
      const total = b.population * (1 + growth) ** (year - 2022);
      const profile = TYPICAL.map((t, i) => (1 - young) * t + young * (STUDENT_CITY[i] ?? t));
      const sum = profile.reduce((a, c) => a + c, 0);
      return profile.flatMap((share, i) => {
        const people = (total * share) / sum;
        const female = FEMALE_SHARE[i] ?? 0.5;
        const noise = () => 1 + rng.normal() * 0.004;
        const band = BANDS[i] ?? '';
        return [
          [year, b.code, b.name, 'Female', band, Math.round(people * female * noise())],
          [year, b.code, b.name, 'Male', band, Math.round(people * (1 - female) * noise())],
        ];
      });
    }),
  );
  return csv(['year', 'area_code', 'borough', 'sex', 'age_band', 'population'], rows);
}
