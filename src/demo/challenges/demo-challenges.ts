// The demo's challenges: synthetic, like everything in the demo region. Days count from the
// mayor's term start (fixed), except the open challenge's deadline, which is always ahead of
// the day the demo is seeded so that it is open to enter.

export const SYNTHETIC_NOTE =
  '\n\n> **SYNTHETIC demo content.** This challenge and its entries are made up for the demo ' +
  'region; the people and teams do not exist.';

export interface DemoEntry {
  title: string;
  description: string;
  url: string;
  team_name: string | null;
  /** Index into DEMO_ENTRANTS: the lead, then accepted members. */
  team: number[];
  /** Days before the deadline it was entered. */
  daysBefore: number;
  award?: 'winner' | 'commended';
}

export interface DemoChallenge {
  slug: string;
  title: string;
  problem: string;
  criteria: string;
  prize: string | null;
  datasets: string[];
  promise: string | null;
  /** Days after the term start, or null: open, with a deadline `openForDays` from the seed day. */
  deadlineDay: number | null;
  outcome: string | null;
  entries: DemoEntry[];
}

/** Synthetic residents and businesses who enter (no password: no one signs in as them). */
export const DEMO_ENTRANTS = [
  { name: 'Amira Khan (synthetic)', email: 'amira.khan@residents.demo.metrodata.invalid' },
  { name: 'Tom Whitworth (synthetic)', email: 'tom.whitworth@residents.demo.metrodata.invalid' },
  { name: 'Grace Okafor (synthetic)', email: 'grace@northern-civic-lab.demo.metrodata.invalid' },
  { name: 'Dev Patel (synthetic)', email: 'dev@northern-civic-lab.demo.metrodata.invalid' },
  { name: 'Siobhan Byrne (synthetic)', email: 'siobhan.byrne@residents.demo.metrodata.invalid' },
] as const;

export const OPEN_FOR_DAYS = 45;

export const DEMO_CHALLENGES: DemoChallenge[] = [
  {
    slug: 'bus-delays-you-can-see',
    title: 'Bus delays you can see',
    problem:
      'Passengers tell us buses are late, but not **where** the time is lost. Using the ' +
      'punctuality and patronage data, show where and when delays build up, so that bus ' +
      'priority schemes go where they help most.',
    criteria:
      '- Insight: does it show where time is lost?\n- Use of the open data offered\n' +
      '- Could the transport team use it every month?',
    prize: '£5,000 and a demonstration to the transport committee',
    datasets: ['bus-punctuality-by-route', 'metrolink-patronage'],
    promise: 'live-transport-data',
    deadlineDay: 200,
    outcome:
      'Three entries came in. The judges chose **Delay Map** by Northern Civic Lab: it ' +
      'showed that a third of lost minutes on the busiest routes build up at six junctions. ' +
      'The transport team now uses it each month, and two of the junctions are in the next ' +
      'bus priority programme. *Bus Times for Everyone* was commended for its plain-English ' +
      'summaries.',
    entries: [
      {
        title: 'Delay Map',
        description:
          'An interactive map of where minutes are lost on each route, by hour of the day, ' +
          'built from the punctuality data.',
        url: 'https://example.org/demo/delay-map',
        team_name: 'Northern Civic Lab',
        team: [2, 3],
        daysBefore: 9,
        award: 'winner',
      },
      {
        title: 'Bus Times for Everyone',
        description: 'A monthly plain-English summary of punctuality on every route.',
        url: 'https://example.org/demo/bus-times-for-everyone',
        team_name: null,
        team: [1],
        daysBefore: 3,
        award: 'commended',
      },
      {
        title: 'Tram or bus?',
        description: 'Compares journeys by tram and bus using patronage and punctuality.',
        url: 'https://example.org/demo/tram-or-bus',
        team_name: null,
        team: [4],
        daysBefore: 1,
      },
    ],
  },
  {
    slug: 'get-every-household-online',
    title: 'Get every household online',
    problem:
      'Full-fibre now reaches most homes, yet thousands of households are still offline: ' +
      'they cannot afford a connection or a device, or lack the skills. Using the coverage, ' +
      'skills course and digital support venue data, help us find **where digitally excluded ' +
      'households are** and what would bring them online.',
    criteria:
      '- How well it identifies digitally excluded households, street by street\n' +
      '- Use of the datasets offered (others may be added)\n' +
      '- Whether councils and charities could act on it within a year',
    prize: '£10,000 and a pilot with the combined authority',
    datasets: [
      'full-fibre-gigabit-coverage',
      'digital-skills-course-enrolments',
      'oldham-digital-support-venues',
    ],
    promise: 'full-fibre-for-every-home',
    deadlineDay: null,
    outcome: null,
    entries: [
      {
        title: 'Not-spots finder',
        description:
          'Combines coverage with course enrolments to find streets where fibre is available ' +
          'but few people take it up.',
        url: 'https://example.org/demo/not-spots-finder',
        team_name: 'Northern Civic Lab',
        team: [2, 3],
        daysBefore: 30,
      },
      {
        title: 'Device donation planner',
        description: 'Suggests where donated laptops would reach most households.',
        url: 'https://example.org/demo/device-planner',
        team_name: null,
        team: [0],
        daysBefore: 20,
      },
    ],
  },
];
