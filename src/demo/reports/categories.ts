import type { AppContext } from '../../context.js';
import type { Actor } from '../../features/accounts/index.js';
import {
  defineCategory,
  offerCategory,
  type AttributeDefinition,
  type CategoryInput,
} from '../../features/reports/index.js';
import { BOROUGHS } from '../region/boroughs.js';

// What residents of the demo region can report, and who answers: the boroughs look after
// roads, rubbish, lights and graffiti; the transport authority answers for bus stops and
// shelters everywhere. Every body is reached by e-mail at a made-up address (the embedded
// install writes the mail to data/outbox/).

const yesNo = (code: string, description: string, order: number): AttributeDefinition => ({
  code,
  variable: true,
  datatype: 'singlevaluelist',
  required: true,
  datatype_description: 'Yes or no',
  order,
  description,
  values: [
    { key: 'yes', name: 'Yes' },
    { key: 'no', name: 'No' },
  ],
});

export const COUNCIL_CATEGORIES: readonly CategoryInput[] = [
  {
    code: 'potholes',
    name: 'Pothole',
    group: 'Roads and pavements',
    description: 'A hole or broken surface in a road, pavement or cycle lane.',
    keywords: ['road', 'pavement', 'surface'],
    attributes: [yesNo('blocking', 'Is it blocking the road or pavement?', 1)],
  },
  {
    code: 'fly-tipping',
    name: 'Fly-tipping',
    group: 'Rubbish',
    description: 'Rubbish dumped in the street, on a verge or in a park.',
    keywords: ['rubbish', 'dumping'],
    attributes: [
      {
        code: 'size',
        variable: true,
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: 'How much',
        order: 1,
        description: 'How much is there?',
        values: [
          { key: 'bag', name: 'A bag or two' },
          { key: 'car', name: 'A car boot load' },
          { key: 'van', name: 'A van load or more' },
        ],
      },
    ],
  },
  {
    code: 'street-lights',
    name: 'Street light not working',
    group: 'Roads and pavements',
    description: 'A street light that is out, flickering or on all day.',
    keywords: ['lamp', 'lighting'],
  },
  {
    code: 'graffiti',
    name: 'Graffiti',
    group: 'Rubbish',
    description: 'Graffiti on public property.',
    keywords: ['vandalism'],
    attributes: [yesNo('offensive', 'Is it offensive?', 1)],
  },
  {
    code: 'overflowing-bins',
    name: 'Overflowing litter bin',
    group: 'Rubbish',
    description: 'A public litter bin that is full or damaged.',
    keywords: ['litter', 'bin'],
  },
];

export const TRANSPORT_CATEGORIES: readonly CategoryInput[] = [
  {
    code: 'bus-shelters',
    name: 'Bus shelter damaged',
    group: 'Public transport',
    description: 'A bus shelter with broken glass, a broken seat or no light.',
    keywords: ['bus', 'stop'],
  },
  {
    code: 'bus-stop-information',
    name: 'Bus stop timetable missing or wrong',
    group: 'Public transport',
    description: 'A timetable or live display at a bus stop that is missing, wrong or blank.',
    keywords: ['bus', 'timetable'],
  },
];

/** Defines the categories and routes them to the demo's bodies (again if re-run). */
export async function seedReportCategories(ctx: AppContext, admin: Actor): Promise<number> {
  for (const c of [...COUNCIL_CATEGORIES, ...TRANSPORT_CATEGORIES]) {
    await defineCategory(ctx, admin, c);
  }
  for (const b of BOROUGHS) {
    for (const c of COUNCIL_CATEGORIES) {
      await offerCategory(ctx, admin, {
        organisation: b.orgSlug,
        category: c.code,
        sendMethod: 'email',
        destination: `reports@${b.orgSlug}.example`,
      });
    }
  }
  for (const c of TRANSPORT_CATEGORIES) {
    await offerCategory(ctx, admin, {
      organisation: 'tfgm',
      category: c.code,
      sendMethod: 'email',
      destination: 'bus-stops@tfgm.example',
    });
  }
  return COUNCIL_CATEGORIES.length + TRANSPORT_CATEGORIES.length;
}
