import { createHash } from 'node:crypto';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../features/accounts/index.js';
import { datasetExists } from '../../features/catalog/index.js';
import { approveShowcase, showcaseExists, submitShowcase } from '../../features/showcases/index.js';
import { demoImage, type Drawing, type Palette } from './showcase-images.js';

// A few believable showcases built on the demo datasets, each saying it is synthetic, with
// ids, times and pictures that are the same on every seed.

interface DemoShowcase {
  slug: string;
  title: string;
  type: 'app' | 'story' | 'visualisation' | 'research';
  author: string;
  description: string;
  datasets: string[];
  drawing: Drawing;
  palette: Palette;
  at: string;
}

const SYNTHETIC = 'SYNTHETIC demo showcase: made up for the demo region, like its data.';

// Each slug is its title's, as the showcase service makes it, so a second seed finds it.
export const DEMO_SHOWCASES: DemoShowcase[] = [
  {
    slug: 'on-time-bus-finder',
    title: 'On-time bus finder',
    type: 'app',
    author: 'Ancoats Civic Coders',
    description:
      `${SYNTHETIC}\n\nA phone app that ranks the bus routes near you by how often they ` +
      'left on time last month, so you can pick the one most likely to get you to work.',
    datasets: ['bus-punctuality-by-route', 'metrolink-patronage'],
    drawing: 'route',
    palette: { background: '#f3f2f1', accent: '#1d70b8', detail: '#0b0c0c' },
    at: '2025-03-14T10:00:00.000Z',
  },
  {
    slug: 'where-the-air-is-cleanest',
    title: 'Where the air is cleanest',
    type: 'visualisation',
    author: 'Leah Okafor',
    description:
      `${SYNTHETIC}\n\nAn interactive map of nitrogen dioxide readings across the ` +
      'boroughs, beside the cycle counters: are the busiest cycle routes the cleanest?',
    datasets: ['air-quality-no2', 'cycle-counter-counts'],
    drawing: 'rings',
    palette: { background: '#ffffff', accent: '#00703c', detail: '#85994b' },
    at: '2025-06-02T09:30:00.000Z',
  },
  {
    slug: 'getting-online-in-the-boroughs',
    title: 'Getting online in the boroughs',
    type: 'story',
    author: 'The Northern Ledger',
    description:
      `${SYNTHETIC}\n\nA data story on who is still offline: full-fibre coverage, public ` +
      'wifi and the digital skills courses people take, borough by borough.',
    datasets: [
      'full-fibre-gigabit-coverage',
      'manchester-public-wifi-sites',
      'digital-skills-course-enrolments',
    ],
    drawing: 'bars',
    palette: { background: '#f3f2f1', accent: '#4c2c92', detail: '#d53880' },
    at: '2025-09-21T14:15:00.000Z',
  },
  {
    slug: 'homelessness-and-housing-supply-2019-to-2024',
    title: 'Homelessness and housing supply, 2019 to 2024',
    type: 'research',
    author: 'University of the North, housing lab',
    description:
      `${SYNTHETIC}\n\nA working paper comparing homelessness cases with new homes ` +
      'completed in each borough, and what the gap means for temporary accommodation.',
    datasets: ['homelessness-by-borough', 'housing-completions'],
    drawing: 'bars',
    palette: { background: '#ffffff', accent: '#d4351c', detail: '#505a5f' },
    at: '2025-11-03T11:45:00.000Z',
  },
];

/** A UUID from a name: the same showcase gets the same id on every seed. */
export function demoId(name: string): string {
  const h = createHash('sha256').update(`metrodata-demo-showcase:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Submits and approves the demo showcases not there yet; returns how many it added. */
export async function seedShowcases(ctx: AppContext, actor: Actor): Promise<number> {
  let added = 0;
  for (const s of DEMO_SHOWCASES) {
    if (await showcaseExists(ctx, s.slug)) continue;
    // Only datasets the demo actually has (an install seeded before one was added lacks it).
    const datasets: string[] = [];
    for (const slug of s.datasets) if (await datasetExists(ctx, slug)) datasets.push(slug);
    if (datasets.length === 0) continue;
    const created = await submitShowcase(
      ctx,
      actor,
      {
        title: s.title,
        description: s.description,
        type: s.type,
        link: `https://${s.slug}.example/`,
        author_name: s.author,
        datasets,
      },
      {
        id: demoId(s.slug),
        at: s.at,
        imageId: demoId(`${s.slug}/image`),
        image: {
          fileName: `${s.slug}.png`,
          bytes: await demoImage(s.drawing, s.palette),
          truncated: false,
        },
      },
    );
    await approveShowcase(ctx, actor, created.slug, s.at);
    added++;
  }
  return added;
}
