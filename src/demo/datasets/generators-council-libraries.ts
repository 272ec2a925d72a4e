import { randomPointIn } from '../region/boundaries.js';
import { clamp, csv, fixed, months, ofMonth, pointCollection, type PointFeature } from './files.js';
import { councilOf, idOf } from '../region/localities.js';
import { itemAt, rngFor } from '../region/random.js';

// Libraries: where they are, when they open, and how much their free computers and wifi are used.

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
// Opening hours by library size, Monday first ('' is closed).
const HOURS: Record<'large' | 'medium' | 'small', string[]> = {
  large: ['09:00-19:00', '09:00-19:00', '09:00-19:00', '09:00-19:00', '09:00-17:00'].concat([
    '10:00-16:00',
    '',
  ]),
  medium: ['09:30-17:00', '09:30-17:00', '', '09:30-19:00', '09:30-17:00', '10:00-13:00', ''],
  small: ['10:00-17:00', '', '10:00-17:00', '', '10:00-17:00', '10:00-13:00', ''],
};

const hoursOf = (range: string): number => {
  if (!range) return 0;
  const [from = '0', to = '0'] = range.split('-');
  const h = (t: string) => Number(t.slice(0, 2)) + Number(t.slice(3, 5)) / 60;
  return h(to) - h(from);
};

interface Library extends PointFeature {
  id: string;
  name: string;
  computers: number;
  weeklyHours: number;
}

function libraries(): Library[] {
  const rng = rngFor('wigan-libraries');
  const wigan = councilOf('wigan-council');
  return wigan.localities.map((locality, i) => {
    const size = i < 2 ? 'large' : i < 8 ? 'medium' : 'small';
    const hours = HOURS[size];
    const computers = size === 'large' ? rng.int(24, 40) : size === 'medium' ? rng.int(8, 16) : 6;
    const [lon, lat] = randomPointIn(rng, wigan.index);
    const id = idOf('WC-LIB', i + 1, 2);
    const name = `${locality} Library`;
    const weeklyHours = hours.reduce((sum, r) => sum + hoursOf(r), 0);
    const opening = Object.fromEntries(DAYS.map((d, k) => [d, itemAt(hours, k) || 'Closed']));
    const properties = {
      library_id: id,
      name,
      size,
      ...opening,
      weekly_hours: weeklyHours,
      public_computers: computers,
      free_wifi: 'Yes',
      digital_help: `${rng.pick(['Tuesday', 'Thursday', 'Friday'])} ${rng.pick(['10:00', '14:00'])}`,
      step_free_access: i === 12 ? 'No' : 'Yes',
      lat,
      lon,
    };
    return { id, name, computers, weeklyHours, lon, lat, properties };
  });
}

export const librariesGeoJson = (): string => pointCollection(libraries());

// By month, January first: busy in winter, quiet in the summer holidays.
const LIBRARY_SEASON = [1.1, 1.08, 1.02, 0.96, 0.94, 0.9, 0.88, 0.82, 0.98, 1.04, 1.06, 0.9];

export function libraryUseCsv(): string {
  const rng = rngFor('wigan-library-use');
  const libs = libraries();
  const ms = months('2023-04', '2025-03');
  const rows = ms.flatMap((m, i) => {
    const season = ofMonth(LIBRARY_SEASON, m);
    return libs.map((lib) => {
      const open = lib.weeklyHours * 4.33;
      const use = clamp(0.38 * season * (1 + 0.12 * rng.normal()), 0.1, 0.9);
      const pcHours = Math.round(lib.computers * open * use);
      const wifi = rng.count(lib.weeklyHours * 9 * season * (1 + (0.15 * i) / 12));
      return [
        m,
        lib.id,
        lib.name,
        lib.computers,
        Math.round(pcHours / rng.between(0.8, 1.1)),
        pcHours,
        fixed(100 * (pcHours / (lib.computers * open))),
        wifi,
        rng.count(lib.weeklyHours * 0.35 * season),
      ];
    });
  });
  const header = ['month', 'library_id', 'library', 'public_computers', 'pc_sessions', 'pc_hours'];
  return csv([...header, 'pc_utilisation_pct', 'wifi_sessions', 'digital_help_sessions'], rows);
}
