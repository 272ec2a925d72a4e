import { data, doc, MANIFESTO, news, type DemoPromise } from './demo-promise.js';

const FIBRE = 'full-fibre-gigabit-coverage';
const MOBILE = '5g-mobile-coverage';

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
    deadline: { kind: 'date', day: 1450 },
    indicators: ['full-fibre-coverage'],
    history: [
      {
        day: 21,
        to: 'in-the-works',
        why: 'A **regional fibre framework** was agreed with three network builders in the first month.',
        evidence: [
          doc('Combined authority board: fibre framework', 'board/fibre-framework'),
          data('Full-fibre and gigabit coverage by borough', FIBRE),
        ],
      },
    ],
  },
  {
    slug: 'gigabit-broadband-by-2026',
    title: 'Gigabit-capable broadband for 99% of premises by the end of 2026',
    quote: 'Almost every premises – 99% – will be able to get gigabit speeds by the end of 2026.',
    source: { kind: 'speech', day: 12, path: 'speeches/digital-region' },
    theme: 'broadband',
    owner: 'gmca',
    deadline: { kind: 'date', day: 600 },
    indicators: ['gigabit-coverage'],
    history: [
      {
        day: 30,
        to: 'in-the-works',
        why: 'Cable and fibre upgrades are under way; the data shows steady quarterly growth.',
        evidence: [data('Full-fibre and gigabit coverage by borough', FIBRE)],
      },
    ],
  },
  {
    slug: 'no-home-below-10-mbits',
    title: 'No home left below 10 Mbit/s',
    quote: 'Within my first year no home in our region will be stuck below 10 megabits.',
    source: MANIFESTO,
    theme: 'broadband',
    owner: 'gmca',
    deadline: { kind: 'days', days: 365 },
    indicators: ['slow-broadband-premises'],
    history: [
      {
        day: 40,
        to: 'in-the-works',
        why: 'Vouchers for the hardest-to-reach premises opened to applications.',
        evidence: [news('Broadband vouchers open for rural premises', 'vouchers')],
      },
      {
        day: 88,
        to: 'stalled',
        why: 'Take-up of the vouchers has been low and the share of slow premises has barely moved.',
        evidence: [data('Full-fibre and gigabit coverage by borough', FIBRE)],
      },
    ],
  },
  {
    slug: '5g-coverage-across-the-region',
    title: 'Outdoor 5G coverage for 95% of premises',
    quote: 'I will work with the networks so that 95% of premises have a good outdoor 5G signal.',
    source: MANIFESTO,
    theme: 'broadband',
    owner: 'gmca',
    deadline: { kind: 'date', day: 720 },
    indicators: ['5g-outdoor-coverage'],
    history: [
      {
        day: 35,
        to: 'in-the-works',
        why: 'A shared approach to mast planning was agreed with the ten councils.',
        evidence: [doc('Mast planning protocol', 'planning/mast-protocol')],
      },
    ],
  },
  {
    slug: '5g-from-all-four-networks',
    title: '5G from all four networks in town centres',
    quote: 'Every town centre will have 5G from all four mobile networks.',
    source: { kind: 'press-release', day: 50, path: 'press/5g-town-centres' },
    theme: 'broadband',
    owner: 'tfgm',
    deadline: { kind: 'date', day: 720 },
    indicators: ['5g-all-operators-coverage'],
    history: [
      {
        day: 60,
        to: 'compromise',
        why:
          'Two networks signed up; the other two will cover the ten largest town centres only. ' +
          'Rated a compromise: smaller than promised.',
        evidence: [
          news('Two networks commit to town-centre 5G', '5g-networks'),
          data('5G mobile coverage by borough', MOBILE),
        ],
      },
    ],
  },
  {
    slug: 'gigabit-public-buildings',
    title: 'Gigabit connections in every public building',
    quote: 'Every library, school and council building will be on a gigabit connection.',
    source: MANIFESTO,
    theme: 'broadband',
    owner: 'salford-city-council',
    deadline: { kind: 'days', days: 730 },
    indicators: [],
    history: [
      {
        day: 45,
        to: 'in-the-works',
        why: 'Salford has connected its first 60 public buildings and publishes the list.',
        evidence: [
          data('Gigabit connections in public buildings', 'salford-gigabit-public-buildings'),
        ],
      },
    ],
  },
  {
    slug: 'public-sector-fibre-network',
    title: 'A shared public-sector fibre network',
    quote: 'Our councils will share one public fibre network instead of renting ten.',
    source: { kind: 'speech', day: 5, path: 'speeches/first-week' },
    theme: 'broadband',
    owner: 'tameside-council',
    deadline: { kind: 'none' },
    indicators: [],
    history: [
      {
        day: 15,
        to: 'in-the-works',
        why: 'Tameside’s network is being extended to the neighbouring boroughs.',
        evidence: [data('Public sector fibre network', 'tameside-public-sector-fibre-network')],
      },
      {
        day: 70,
        to: 'stalled',
        why: 'Three councils have not yet agreed to join; no new links were built this quarter.',
        evidence: [news('Fibre network talks pause', 'fibre-talks')],
      },
    ],
  },
  {
    slug: 'free-public-wifi',
    title: '200 free public wifi sites in Manchester',
    quote: 'There will be 200 places in the city centre where anyone can get online for free.',
    source: MANIFESTO,
    theme: 'digital-inclusion',
    owner: 'manchester-city-council',
    deadline: { kind: 'date', day: 1450 },
    indicators: ['free-public-wifi-sites'],
    history: [
      {
        day: 25,
        to: 'in-the-works',
        why: 'New sites open every month; the council publishes each one.',
        evidence: [data('Public wifi sites', 'manchester-public-wifi-sites')],
      },
    ],
  },
  {
    slug: 'smart-city-sensors',
    title: 'Open sensors for a smart city',
    quote:
      'Air quality, footfall and traffic sensors will publish their readings as open data, live.',
    source: { kind: 'speech', day: 30, path: 'speeches/smart-city' },
    theme: 'environment',
    owner: 'gmca',
    deadline: { kind: 'days', days: 500 },
    indicators: [],
    history: [
      {
        day: 64,
        to: 'in-the-works',
        why: 'Air quality readings are now published; footfall and traffic will follow.',
        evidence: [data('Air quality (NO2)', 'air-quality-no2')],
      },
    ],
  },
  {
    slug: 'live-transport-data',
    title: 'Live bus and tram data open to everyone',
    quote: 'Live bus and tram data will be open to any app developer, free of charge.',
    source: MANIFESTO,
    theme: 'transport',
    owner: 'tfgm',
    deadline: { kind: 'days', days: 180 },
    indicators: [],
    history: [
      {
        day: 20,
        to: 'in-the-works',
        why: 'Bus punctuality and tram patronage are published; the live feeds are in testing.',
        evidence: [
          data('Bus punctuality by route', 'bus-punctuality-by-route'),
          data('Metrolink patronage', 'metrolink-patronage'),
        ],
      },
      {
        day: 98,
        to: 'kept',
        why: 'The live feeds opened to all developers, with no charge and an open licence.',
        evidence: [news('Live transport feeds open to developers', 'live-feeds')],
      },
    ],
  },
];
