// Sentences for generated descriptions, in the register of UK council open-data pages.
// `{topic}`, `{area}`, `{org}`, `{period}` and `{other}` are filled in by plan.ts.

export const OPENINGS: readonly string[] = [
  'This dataset gives {topic} for {area} in {period}.',
  '{Topic} across {area}, published by {org}.',
  'Figures on {topic} collected by {org} for {period}.',
  'A record of {topic} in {area}, updated as new returns arrive.',
  '{Topic} for {period}, with one row per reporting area in {area}.',
];

export const THEME_SENTENCES: Readonly<Record<string, string>> = {
  transport:
    'Part of the regional transport data: buses, trams, trains, roads, cycling and walking.',
  environment: 'Part of the environment data: air quality, emissions, green space and waste.',
  housing: 'Part of the housing data: homes, planning, homelessness and energy efficiency.',
  broadband: 'Part of the connectivity data: full-fibre, gigabit and mobile coverage.',
  'digital-inclusion': 'Part of the digital inclusion data: skills, access and devices.',
  'community-safety':
    'Part of the community safety data: crime, anti-social behaviour and road safety.',
  'service-requests': 'Reports of problems made by residents through the council website and app.',
  economy: 'Part of the economy data: jobs, businesses, skills and earnings.',
  health: 'Part of the health and care data: public health, wellbeing and care services.',
  population: 'Part of the population data: who lives in the region and where.',
  boundaries: 'Administrative and statistical geographies, for joining to other datasets.',
};

export const DETAILS: readonly string[] = [
  'Figures for the latest quarter are provisional until the annual return is validated.',
  'Counts below five are suppressed to protect privacy.',
  'Locations are given as British National Grid eastings and northings and as latitude and longitude.',
  'Rates are per 1,000 residents, using the latest mid-year population estimates.',
  'Earlier years are available on request from the data team.',
  'The method changed in April, so figures before and after are not directly comparable.',
  'Each row is one ward; ward codes follow the ONS GSS standard.',
  'Data is extracted nightly from the case management system.',
  'Values are rounded to the nearest whole number.',
  'Missing values mean the site was not reporting during the period.',
  'Postcodes are truncated to the sector to protect personal data.',
  'Published under the local government transparency code.',
];

export const CROSS_REFERENCES: readonly string[] = [
  'Use it alongside {other} to compare the boroughs.',
  'It can be joined to {other} by ward code.',
  'See also {other}, published by the same team.',
  'Analysts often combine it with {other} to look for patterns.',
];

export const COMMITMENTS: readonly string[] = [
  'It tracks progress on the mayor’s promise of a bus network under public control.',
  'It supports the commitment to reach net zero by 2038.',
  'It monitors the pledge of gigabit broadband for every home and business.',
  'It tracks the promise to end rough sleeping.',
  'It supports the clean air plan to bring nitrogen dioxide within legal limits.',
  'It reports on the commitment to build 30,000 affordable homes.',
  'It monitors the digital inclusion pledge that no resident is left offline.',
];
