import { randomPointIn } from '../region/boundaries.js';
import { csv, months, ofMonth, pointCollection, pointFeature, type PointFeature } from './files.js';
import { councilOf, idOf, placeName, uniqueNames } from '../region/localities.js';
import { rngFor, type Rng } from '../region/random.js';

// Council digital inclusion and connectivity: where residents get help to get online, and which
// public buildings have gigabit connections.

// [venue type, weight, name suffix]
const SUPPORT_VENUES = [
  ['Library', 9, 'Library'],
  ['Community hub', 22, 'Community Hub'],
  ['Family hub', 10, 'Family Hub'],
  ['Leisure centre', 4, 'Leisure Centre'],
  ['Council access point', 4, 'Access Point'],
  ['Sheltered housing lounge', 8, 'Court'],
  ['Adult learning centre', 6, 'Learning Centre'],
] as const;
const SUPPORT = ['Drop-in help', 'Digital champions', 'Public computers', 'Device lending'].concat([
  'Free data SIMs',
  'Help with online forms',
  'Video calling help',
]);
const LANGUAGES = ['Urdu', 'Bengali', 'Punjabi', 'Polish', 'Arabic', 'Romanian'];
const SLOTS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].flatMap((d) =>
  ['10:00-12:00', '13:30-15:30', '17:00-19:00'].map((t) => `${d} ${t}`),
);

/** Some of `items`, at least one, in their original order. */
const someOf = (rng: Rng, items: readonly string[], p: number) => {
  const chosen = items.filter(() => rng.chance(p));
  return chosen.length > 0 ? chosen : items.slice(0, 1);
};

export const DIGITAL_VENUE_COUNT = 72;

function supportVenues(): PointFeature[] {
  const rng = rngFor('oldham-digital-support-venues');
  const oldham = councilOf('oldham-council');
  const unique = uniqueNames();
  return Array.from({ length: DIGITAL_VENUE_COUNT }, (_, i) => {
    const [type, , suffix] = rng.weightedBy(SUPPORT_VENUES, (v) => v[1]);
    const locality = rng.pick(oldham.localities);
    const local = ['Library', 'Leisure centre', 'Council access point'].includes(type);
    const [lon, lat] = randomPointIn(rng, oldham.index);
    const computers = type === 'Library' ? rng.int(6, 24) : rng.chance(0.5) ? rng.int(2, 8) : 0;
    const offer = SUPPORT.filter((s) => computers > 0 || s !== 'Public computers');
    const support = someOf(rng, offer, 0.45);
    return pointFeature(lon, lat, {
      venue_id: idOf('OMBC-DS', i + 1, 3),
      name: unique(`${local || rng.chance(0.3) ? locality : placeName(rng)} ${suffix}`),
      venue_type: type,
      locality,
      support_offered: support.join('; '),
      help_sessions: someOf(rng, SLOTS, 0.1).join('; '),
      languages: ['English', ...LANGUAGES.filter(() => rng.chance(0.15))].join('; '),
      public_computers: computers,
      free_wifi: type === 'Sheltered housing lounge' && rng.chance(0.4) ? 'No' : 'Yes',
      step_free_access: rng.chance(0.88) ? 'Yes' : 'No',
      booking: rng.weighted(['Drop in', 'Book ahead', 'Drop in or book ahead'], [5, 2, 3]),
    });
  });
}

export const supportVenuesGeoJson = (): string => pointCollection(supportVenues());

// By month, January first: quieter in August and at Christmas, busy when tax returns are due.
const HELP_SEASON = [1.15, 1.0, 1.0, 0.95, 1.0, 0.9, 0.85, 0.7, 1.05, 1.1, 1.05, 0.75];

export function supportSessionsCsv(): string {
  const rng = rngFor('oldham-digital-support-sessions');
  const venues = supportVenues().map((v) => ({
    id: String(v.properties.venue_id),
    name: String(v.properties.name),
    slots: String(v.properties.help_sessions).split('; ').length,
    lending: String(v.properties.support_offered).includes('Device lending'),
  }));
  const ms = months('2024-04', '2025-03');
  const rows = ms.flatMap((m, i) =>
    venues.map((v) => {
      const held = Math.max(0, Math.round(v.slots * 4.3 * rng.between(0.8, 1)));
      const growth = 1 + (0.25 * i) / ms.length;
      const helped = rng.count(held * 3.2 * growth * ofMonth(HELP_SEASON, m));
      const lent = v.lending ? rng.count(helped * 0.08) : 0;
      return [
        m,
        v.id,
        v.name,
        held,
        helped,
        Math.round(helped * rng.between(0.12, 0.3)),
        Math.round(helped * rng.between(0.3, 0.55)),
        lent,
      ];
    }),
  );
  const header = ['month', 'venue_id', 'venue', 'sessions_held', 'residents_helped'];
  return csv([...header, 'new_to_the_internet', 'aged_65_plus', 'devices_lent'], rows);
}
