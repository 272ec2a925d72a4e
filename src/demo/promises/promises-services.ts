import {
  broken,
  compromise,
  data,
  doc,
  inTheWorks,
  kept,
  news,
  stalled,
} from './status-changes.js';
import { byDay, END_OF_TERM, NO_DEADLINE, withinDays } from './deadlines.js';
import { MANIFESTO, pressRelease, speech, type DemoPromise } from './demo-promise.js';

const SPENDING_DATA = data('Spending over £500', 'manchester-spending-over-500');
const REQUESTS_DATA = data('Citizen reports', 'citizen-reports');

export const SERVICE_PROMISES: DemoPromise[] = [
  {
    slug: 'chief-digital-officer',
    title: 'Appoint a chief digital officer',
    quote: 'In my first 100 days I will appoint a chief digital officer for the whole region.',
    source: MANIFESTO,
    theme: 'digital-services',
    owner: 'gmca',
    deadline: withinDays(100),
    history: [
      inTheWorks(
        14,
        'The post was advertised in the second week.',
        doc('Job description: chief digital officer', 'jobs/cdo'),
      ),
      kept(
        82,
        'The chief digital officer started on day 82, within the 100 days.',
        news('Region appoints its first chief digital officer', 'cdo-appointed'),
      ),
    ],
  },
  {
    slug: 'open-data-by-default',
    title: 'Open data by default',
    quote: 'Every public body in the region will publish its data openly, by default.',
    source: MANIFESTO,
    theme: 'digital-services',
    owner: 'gmca',
    deadline: withinDays(365),
    history: [
      inTheWorks(
        1,
        'The regional datastore opened with datasets from all ten councils.',
        REQUESTS_DATA,
        SPENDING_DATA,
      ),
    ],
  },
  {
    slug: 'publish-all-spending',
    title: 'Publish every item of council spending over £500',
    quote: 'Every pound over £500 spent by our councils will be published, every month.',
    source: pressRelease(8, 'open-spending'),
    theme: 'digital-services',
    owner: 'manchester-city-council',
    deadline: withinDays(90),
    history: [
      inTheWorks(
        30,
        'Manchester publishes monthly; the other councils have committed to follow.',
        SPENDING_DATA,
      ),
      broken(
        92,
        'The 90 days passed with only four of the ten councils publishing every month.',
        news('Six councils miss open spending deadline', 'spending-deadline'),
      ),
    ],
  },
  {
    slug: 'report-it-online',
    title: 'Report a problem online, anywhere in the region',
    quote: 'One place to report a pothole or fly-tipping, wherever you live, and see it fixed.',
    source: MANIFESTO,
    theme: 'service-requests',
    owner: 'gmca',
    deadline: withinDays(365),
    history: [
      inTheWorks(
        55,
        'Reports from all ten councils are published as one open dataset.',
        REQUESTS_DATA,
      ),
    ],
  },
  {
    slug: 'digital-public-services',
    title: 'The top 20 council services online end to end',
    quote: 'The twenty services residents use most will be fully online, end to end.',
    source: speech(40, 'services'),
    theme: 'digital-services',
    owner: 'bury-council',
    deadline: byDay(900),
    history: [],
  },
  {
    slug: 'digital-skills-for-all',
    title: '4,500 digital skills enrolments a month',
    quote: 'We will give 4,500 people a month the chance to learn digital skills, free.',
    source: MANIFESTO,
    theme: 'digital-inclusion',
    owner: 'gmca',
    deadline: END_OF_TERM,
    indicators: ['digital-skills-enrolments', 'digital-skills-completion-rate'],
    history: [
      inTheWorks(
        10,
        'The adult skills budget now funds digital courses in every borough.',
        data('Digital skills course enrolments', 'digital-skills-course-enrolments'),
      ),
    ],
  },
  {
    slug: 'help-residents-get-online',
    title: 'Help 900 Oldham residents a month get online',
    quote: 'Our digital support venues will help 900 residents a month get online.',
    source: pressRelease(20, 'oldham-support'),
    theme: 'digital-inclusion',
    owner: 'oldham-council',
    deadline: withinDays(720),
    indicators: ['oldham-residents-helped-online'],
    history: [
      inTheWorks(
        33,
        'Twelve venues run weekly sessions; numbers are published monthly.',
        data('Digital support venues', 'oldham-digital-support-venues'),
      ),
    ],
  },
  {
    slug: 'devices-for-digitally-excluded',
    title: 'A device and data for every digitally excluded household',
    quote: 'No household will be left offline for want of a device or data.',
    source: MANIFESTO,
    theme: 'digital-inclusion',
    owner: 'gmca',
    deadline: NO_DEADLINE,
    history: [
      inTheWorks(
        18,
        'A regional device donation scheme started with three partners.',
        doc('Device donation scheme launched', 'devices/launch'),
      ),
      compromise(
        75,
        'The scheme reaches households on benefits only, not every excluded household.',
        doc('Device scheme eligibility', 'devices/eligibility'),
      ),
    ],
  },
  {
    slug: 'library-computers',
    title: 'Free computers and help in every library',
    quote: 'Every library will have free computers and someone to help you use them.',
    source: speech(3, 'libraries'),
    theme: 'digital-inclusion',
    owner: 'wigan-council',
    deadline: withinDays(365),
    history: [
      inTheWorks(
        50,
        'Wigan’s libraries publish computer sessions; staff training is under way.',
        data('Libraries and computer use', 'wigan-libraries-and-computer-use'),
      ),
    ],
  },
  {
    slug: 'cyber-resilience-centre',
    title: 'A cyber resilience centre for public services',
    quote: 'Our councils, hospitals and police will share a cyber resilience centre.',
    source: MANIFESTO,
    theme: 'digital-services',
    owner: 'greater-manchester-police',
    deadline: withinDays(540),
    history: [
      inTheWorks(
        66,
        'Funding agreed by the combined authority board; a site is being chosen.',
        doc('Board decision: cyber resilience centre', 'board/cyber'),
      ),
    ],
  },
  {
    slug: 'cyber-skills-for-small-firms',
    title: 'Free cyber security checks for small businesses',
    quote: 'Any small business will be able to get a free cyber security check.',
    source: speech(45, 'business'),
    theme: 'economy',
    owner: 'gmca',
    deadline: withinDays(365),
    history: [
      stalled(
        80,
        'The delivery partner withdrew; no checks have been offered yet.',
        news('Cyber check scheme delayed', 'cyber-checks'),
      ),
    ],
  },
  {
    slug: 'ev-charge-point-data',
    title: 'Every public charge point open as data',
    quote: 'Every public electric vehicle charge point will be published, with whether it works.',
    source: pressRelease(28, 'ev-data'),
    theme: 'transport',
    owner: 'tfgm',
    deadline: withinDays(120),
    history: [
      kept(
        60,
        'All public charge points are published and updated daily.',
        data('EV charge points', 'ev-charge-points'),
      ),
    ],
  },
];
