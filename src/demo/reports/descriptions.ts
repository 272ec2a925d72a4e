import type { Rng } from '../region/random.js';

// Made-up descriptions in residents' words: what is wrong, and where, from a few phrases each.

const WHAT: Readonly<Record<string, readonly string[]>> = {
  potholes: [
    'Deep pothole',
    'Large pothole that cars swerve round',
    'Broken road surface',
    'Pothole in the cycle lane',
    'Sunken paving slab, a trip hazard',
  ],
  'fly-tipping': [
    'Black bags dumped',
    'Old mattress and a sofa left',
    'Builders rubble tipped',
    'Fridge dumped',
    'Pile of garden waste',
  ],
  'street-lights': [
    'Street light out',
    'Street light flickering all night',
    'Street light on all day',
    'Three lamps in a row not working',
  ],
  graffiti: ['Graffiti sprayed', 'Tags painted', 'Graffiti on the wall'],
  'overflowing-bins': [
    'Litter bin overflowing',
    'Bin full and rubbish blowing about',
    'Bin damaged',
  ],
  'bus-shelters': [
    'Shelter glass smashed',
    'Bus shelter seat broken',
    'Bus shelter light not working',
  ],
  'bus-stop-information': ['Timetable missing', 'Live display blank', 'Timetable out of date'],
};

const WHERE = [
  'outside the primary school',
  'by the bus stop',
  'near the corner shop',
  'at the junction with the main road',
  'opposite the park gates',
  'outside number 12',
  'by the library',
  'on the path to the station',
  'near the pub car park',
  'behind the shops',
];

const MORE = [
  '',
  ' It has been like this for weeks.',
  ' Getting worse after the rain.',
  ' Please can someone have a look.',
  ' Dangerous in the dark.',
];

/** One made-up description of a problem in this category. */
export function describe(rng: Rng, category: string): string {
  const what = rng.pick(WHAT[category] ?? ['Problem']);
  return `${what} ${rng.pick(WHERE)}.${rng.pick(MORE)}`;
}
