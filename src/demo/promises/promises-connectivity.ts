import { compromise, data, doc, inTheWorks, kept, news, stalled } from './status-changes.js';
import { byDay, END_OF_TERM, NO_DEADLINE, withinDays } from './deadlines.js';
import { MANIFESTO, pressRelease, speech, type DemoPromise } from './demo-promise.js';

const FIBRE_DATA = data(
  'Full-fibre and gigabit coverage by borough',
  'full-fibre-gigabit-coverage',
);

export const CONNECTIVITY_PROMISES: DemoPromise[] = [
  {
    slug: 'full-fibre-for-every-home',
    title: 'Full-fibre broadband available to 95% of homes',
    quote:
      'By the end of my term, 95 out of every 100 homes in our region will be able to order ' +
      'full-fibre broadband.',
    source: MANIFESTO,
    theme: 'broadband',
    owner: 'gmca',
    deadline: END_OF_TERM,
    indicators: ['full-fibre-coverage'],
    history: [
      inTheWorks(
        21,
        'A **regional fibre framework** was agreed with three network builders in the first month.',
        doc('Combined authority board: fibre framework', 'board/fibre-framework'),
        FIBRE_DATA,
      ),
    ],
  },
  {
    slug: 'gigabit-broadband-by-2026',
    title: 'Gigabit-capable broadband for 99% of premises by the end of 2026',
    quote: 'Almost every premises – 99% – will be able to get gigabit speeds by the end of 2026.',
    source: speech(12, 'digital-region'),
    theme: 'broadband',
    owner: 'gmca',
    deadline: byDay(600),
    indicators: ['gigabit-coverage'],
    history: [
      inTheWorks(
        30,
        'Cable and fibre upgrades are under way; the data shows steady quarterly growth.',
        FIBRE_DATA,
      ),
    ],
  },
  {
    slug: 'no-home-below-10-mbits',
    title: 'No home left below 10 Mbit/s',
    quote: 'Within my first year no home in our region will be stuck below 10 megabits.',
    source: MANIFESTO,
    theme: 'broadband',
    owner: 'gmca',
    deadline: withinDays(365),
    indicators: ['slow-broadband-premises'],
    history: [
      inTheWorks(
        40,
        'Vouchers for the hardest-to-reach premises opened to applications.',
        news('Broadband vouchers open for rural premises', 'vouchers'),
      ),
      stalled(
        88,
        'Take-up of the vouchers has been low and the share of slow premises has barely moved.',
        FIBRE_DATA,
      ),
    ],
  },
  {
    slug: '5g-coverage-across-the-region',
    title: 'Outdoor 5G coverage for 95% of premises',
    quote: 'I will work with the networks so that 95% of premises have a good outdoor 5G signal.',
    source: MANIFESTO,
    theme: 'broadband',
    owner: 'gmca',
    deadline: byDay(720),
    indicators: ['5g-outdoor-coverage'],
    history: [
      inTheWorks(
        35,
        'A shared approach to mast planning was agreed with the ten councils.',
        doc('Mast planning protocol', 'planning/mast-protocol'),
      ),
    ],
  },
  {
    slug: '5g-from-all-four-networks',
    title: '5G from all four networks in town centres',
    quote: 'Every town centre will have 5G from all four mobile networks.',
    source: pressRelease(50, '5g-town-centres'),
    theme: 'broadband',
    owner: 'tfgm',
    deadline: byDay(720),
    indicators: ['5g-all-operators-coverage'],
    history: [
      compromise(
        60,
        'Two networks signed up; the other two will cover the ten largest town centres only. ' +
          'Rated a compromise: smaller than promised.',
        news('Two networks commit to town-centre 5G', '5g-networks'),
        data('5G mobile coverage by borough', '5g-mobile-coverage'),
      ),
    ],
  },
  {
    slug: 'gigabit-public-buildings',
    title: 'Gigabit connections in every public building',
    quote: 'Every library, school and council building will be on a gigabit connection.',
    source: MANIFESTO,
    theme: 'broadband',
    owner: 'salford-city-council',
    deadline: withinDays(730),
    history: [
      inTheWorks(
        45,
        'Salford has connected its first 60 public buildings and publishes the list.',
        data('Gigabit connections in public buildings', 'salford-gigabit-public-buildings'),
      ),
    ],
  },
  {
    slug: 'public-sector-fibre-network',
    title: 'A shared public-sector fibre network',
    quote: 'Our councils will share one public fibre network instead of renting ten.',
    source: speech(5, 'first-week'),
    theme: 'broadband',
    owner: 'tameside-council',
    deadline: NO_DEADLINE,
    history: [
      inTheWorks(
        15,
        'Tameside’s network is being extended to the neighbouring boroughs.',
        data('Public sector fibre network', 'tameside-public-sector-fibre-network'),
      ),
      stalled(
        70,
        'Three councils have not yet agreed to join; no new links were built this quarter.',
        news('Fibre network talks pause', 'fibre-talks'),
      ),
    ],
  },
  {
    slug: 'free-public-wifi',
    title: '200 free public wifi sites in Manchester',
    quote: 'There will be 200 places in the city centre where anyone can get online for free.',
    source: MANIFESTO,
    theme: 'digital-inclusion',
    owner: 'manchester-city-council',
    deadline: END_OF_TERM,
    indicators: ['free-public-wifi-sites'],
    history: [
      inTheWorks(
        25,
        'New sites open every month; the council publishes each one.',
        data('Public wifi sites', 'manchester-public-wifi-sites'),
      ),
    ],
  },
  {
    slug: 'smart-city-sensors',
    title: 'Open sensors for a smart city',
    quote:
      'Air quality, footfall and traffic sensors will publish their readings as open data, live.',
    source: speech(30, 'smart-city'),
    theme: 'environment',
    owner: 'gmca',
    deadline: withinDays(500),
    history: [
      inTheWorks(
        64,
        'Air quality readings are now published; footfall and traffic will follow.',
        data('Air quality (NO2)', 'air-quality-no2'),
      ),
    ],
  },
  {
    slug: 'live-transport-data',
    title: 'Live bus and tram data open to everyone',
    quote: 'Live bus and tram data will be open to any app developer, free of charge.',
    source: MANIFESTO,
    theme: 'transport',
    owner: 'tfgm',
    deadline: withinDays(180),
    history: [
      inTheWorks(
        20,
        'Bus punctuality and tram patronage are published; the live feeds are in testing.',
        data('Bus punctuality by route', 'bus-punctuality-by-route'),
        data('Metrolink patronage', 'metrolink-patronage'),
      ),
      kept(
        98,
        'The live feeds opened to all developers, with no charge and an open licence.',
        news('Live transport feeds open to developers', 'live-feeds'),
      ),
    ],
  },
];
