import type { ImportedRequest } from '../../features/data-requests/index.js';

// SYNTHETIC demo data requests: made-up residents and businesses asking the region's bodies for
// data, in every status, one released as a demo dataset. Fixed dates, so seeding is repeatable.

export const DEMO_RESIDENTS = [
  { email: 'amira.k@residents.demo.metrodata.invalid', name: 'Amira K (synthetic resident)' },
  { email: 'tom.h@residents.demo.metrodata.invalid', name: 'Tom H (synthetic resident)' },
  { email: 'hello@cyclemap.demo.metrodata.invalid', name: 'CycleMap Ltd (synthetic business)' },
  { email: 'jo.p@residents.demo.metrodata.invalid', name: 'Jo P (synthetic resident)' },
] as const;

const [amira, tom, cyclemap, jo] = DEMO_RESIDENTS.map((r) => r.email);
const NOTE = ' (SYNTHETIC demo request.)';

export const DEMO_REQUESTS: ImportedRequest[] = [
  {
    key: 'demo/ev-charge-point-availability',
    title: 'Live availability of public EV charge points',
    purpose: `We build a route planner for electric taxis and need to know which charge points work.${NOTE}`,
    organisation: 'tfgm',
    theme: 'transport',
    frequency: 'daily',
    created_at: '2026-03-02T09:14:00.000Z',
    requester: cyclemap ?? '',
    answers: [
      {
        status: 'under_consideration',
        reason: 'We are asking the operators whether we may republish their data.',
        at: '2026-03-16T11:00:00.000Z',
      },
      {
        status: 'accepted',
        reason: 'The operators agreed; we will publish the locations first.',
        target_date: '2026-06-30',
        at: '2026-04-20T10:30:00.000Z',
      },
      {
        status: 'released',
        reason: 'Published as the EV charge points dataset, refreshed daily.',
        dataset: 'ev-charge-points',
        at: '2026-06-12T15:45:00.000Z',
      },
    ],
    supporters: [amira ?? '', tom ?? ''],
    comments: [
      {
        by: tom ?? '',
        body: 'Please include whether each point is rapid or slow.',
        at: '2026-03-05T18:20:00.000Z',
      },
    ],
  },
  {
    key: 'demo/gritting-routes',
    title: 'Gritting routes and times',
    purpose: `A winter cycling map that shows which roads and cycle lanes are gritted, and when.${NOTE}`,
    organisation: 'manchester-city-council',
    theme: 'transport',
    frequency: 'daily',
    created_at: '2026-10-19T08:05:00.000Z',
    requester: cyclemap ?? '',
    answers: [
      {
        status: 'accepted',
        reason: 'We will publish the routes before the winter season.',
        target_date: '2027-01-31',
        at: '2026-11-02T09:00:00.000Z',
      },
    ],
    supporters: [jo ?? ''],
    comments: [],
  },
  {
    key: 'demo/school-admissions-appeals',
    title: 'School admission appeals by school',
    purpose: `To help parents see how often appeals succeed at each school.${NOTE}`,
    organisation: 'stockport-council',
    theme: 'population',
    frequency: 'annual',
    created_at: '2026-05-11T19:40:00.000Z',
    requester: amira ?? '',
    answers: [
      {
        status: 'refused',
        reason:
          'Counts at small schools would identify children; we publish borough totals instead.',
        refusal_reason: 'personal_data',
        at: '2026-06-01T14:10:00.000Z',
      },
    ],
    supporters: [],
    comments: [],
  },
  {
    key: 'demo/fly-tipping-clearance-times',
    title: 'How long fly-tipping takes to clear, by ward',
    purpose: `Our residents’ association wants to compare our ward with others.${NOTE}`,
    organisation: 'bolton-council',
    theme: 'service-requests',
    frequency: 'monthly',
    created_at: '2026-11-23T12:00:00.000Z',
    requester: jo ?? '',
    answers: [
      {
        status: 'under_consideration',
        reason: 'We are checking what our case system records.',
        at: '2026-11-30T10:00:00.000Z',
      },
    ],
    supporters: [amira ?? '', tom ?? ''],
    comments: [],
  },
  {
    key: 'demo/tree-planting',
    title: 'Street trees planted and felled',
    purpose: `To map the tree canopy in our streets over the years.${NOTE}`,
    organisation: 'salford-city-council',
    theme: 'environment',
    frequency: 'quarterly',
    // Never answered: past the 20 working days, so the list and Salford's page flag it.
    created_at: '2026-09-07T16:25:00.000Z',
    requester: tom ?? '',
    answers: [],
    supporters: [jo ?? ''],
    comments: [
      {
        by: jo ?? '',
        body: 'We would use this for a community planting plan too.',
        at: '2026-09-10T08:00:00.000Z',
      },
    ],
  },
];
