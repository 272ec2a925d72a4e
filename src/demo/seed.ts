import { randomBytes } from 'node:crypto';
import type { AppContext } from '../context.js';
import {
  claimMetaKey,
  deleteMetaKey,
  findMetaValue,
  setMetaValue,
} from '../platform/db/meta.repository.js';
import { conflict } from '../platform/errors.js';
import { newId, now } from '../platform/ids.js';
import {
  type Actor,
  actorForUser,
  findUser,
  createUser,
  SESSION_SCOPES,
} from '../features/accounts/index.js';
import { addWardsIfNone } from '../features/areas/index.js';
import { datasetExists } from '../features/catalog/index.js';
import {
  addMemberToOrganisation,
  allOrganisations,
  createOrganisation,
  setOrganisationBoundary,
} from '../features/organisations/index.js';
import { seedChallenges } from './challenges/seed-challenges.js';
import { seedIndicators } from './indicators/indicators.js';
import { seedPromises } from './promises/seed-promises.js';
import { seedQuality } from './quality/seed-quality.js';
import { seedRollups } from './rollups/seed-rollups.js';
import { seedShowcases } from './showcases/seed-showcases.js';
import { seedDataRequests } from './data-requests/seed-data-requests.js';
import { REGION } from './region/boroughs.js';
import { boroughPolygon, regionPolygon } from './region/boundaries.js';
import { DEMO_DATASETS } from './datasets/datasets.js';
import { DEMO_ORGANISATIONS, type DemoOrganisation } from './region/organisations.js';
import { demoWards } from './region/wards.js';
import { seedDataset, stepsOf } from './datasets/seed-dataset.js';
import { LARGE_STEPS, seedAllServiceRequests } from './datasets/seed-datastore.js';
import { seedReportCategories } from './reports/categories.js';
import { REPORT_STEPS, seedDemoReports } from './reports/seed-reports.js';
import { ALL_REQUESTS_SLUG, LARGE_ROWS } from './datasets/service-requests-large.js';
import { findRegion, saveRegion } from '../features/region/index.js';
import { seedPostcodes } from '../features/places/index.js';
import { demoPostcodes } from './places/postcodes.js';

export interface SeedSummary {
  organisations: number;
  datasets: number;
  resources: number;
  /** Files loaded into the datastore. */
  loads: number;
  /** Synthetic postcodes added (0 when the directory already had some). */
  postcodes: number;
  /** Synthetic citizen reports imported (0 when the demo's are there already). */
  reports: number;
  /** The demo publisher's sign-in, when this seed created the account (shown once). */
  publisher: { email: string; password: string; organisation: string } | null;
}

type Progress = (done: number, total: number, note?: string) => void;

export interface SeedOptions {
  force: boolean;
  progress?: Progress | undefined;
  /** Rows of the large "Service requests (all)" file; tests use a few thousand. */
  largeRows?: number | undefined;
}

/** The system user the demo datasets are published by; it has no password, so no one signs in as it. */
export const DEMO_USER = { email: 'demo@metrodata.invalid', name: 'Demo data bot' } as const;
export const DEMO_SEEDED_KEY = 'demo_seeded';

/** A person who can sign in to the demo and publish for the combined authority (its admin). */
export const DEMO_PUBLISHER = {
  email: 'publisher@demo.metrodata.invalid',
  name: 'Demo publisher',
  organisation: 'gmca',
} as const;

/**
 * Creates the demo publisher with a random password, returned to be shown once: a fixed,
 * documented password would let anyone sign in to every demo install left on the internet.
 */
export async function seedDemoPublisher(ctx: AppContext): Promise<SeedSummary['publisher']> {
  if (await findUser(ctx, DEMO_PUBLISHER.email)) return null;
  const password = randomBytes(12).toString('base64url');
  await createUser(ctx, { email: DEMO_PUBLISHER.email, name: DEMO_PUBLISHER.name, password });
  await addMemberToOrganisation(ctx, DEMO_PUBLISHER.email, DEMO_PUBLISHER.organisation, 'admin');
  return { email: DEMO_PUBLISHER.email, password, organisation: DEMO_PUBLISHER.organisation };
}

/** The log line that tells the operator how to sign in to the demo. */
export const publisherMessage = (p: NonNullable<SeedSummary['publisher']>) =>
  `Demo publisher: sign in at /sign-in as ${p.email} with password ${p.password} ` +
  '(shown only now; set another with `metrodata user password --email ' +
  `${p.email}\`)`;

const boundaryOf = (org: DemoOrganisation): string =>
  JSON.stringify(org.area.type === 'region' ? regionPolygon() : boroughPolygon(org.area.index));

export async function demoActor(ctx: AppContext): Promise<Actor> {
  const user =
    (await findUser(ctx, DEMO_USER.email)) ??
    (await createUser(ctx, { ...DEMO_USER, siteAdmin: true }));
  return actorForUser(ctx, user.id, SESSION_SCOPES);
}

/** The region row, unless the install already has a region (never replace a real one). */
async function seedRegion(ctx: AppContext): Promise<void> {
  if (await findRegion(ctx)) return;
  const at = now();
  await saveRegion(ctx, {
    id: newId(),
    slug: REGION.slug,
    name: REGION.name,
    boundary: JSON.stringify(regionPolygon()),
    settings: JSON.stringify({
      areaCode: REGION.code,
      mayorTermStart: REGION.mayorTermStart,
      demo: true,
    }),
    created_at: at,
    updated_at: at,
  });
}

/** Creates the missing demo organisations; returns how many it created. */
async function seedOrganisations(ctx: AppContext, step: (note: string) => void): Promise<number> {
  const existing = new Map((await allOrganisations(ctx)).map((o) => [o.slug, o] as const));
  let created = 0;
  for (const org of DEMO_ORGANISATIONS) {
    const found = existing.get(org.slug);
    const { slug, name, kind, description, url } = org;
    const id =
      found?.id ?? (await createOrganisation(ctx, null, { slug, name, kind, description, url })).id;
    if (!found) created++;
    // Keep a boundary someone already loaded (e.g. the official one from `region import`).
    if (!found?.boundary) {
      await setOrganisationBoundary(ctx, id, boundaryOf(org), org.areaCode);
    }
    // Synthetic wards only inside a synthetic borough: they would not fit an official boundary.
    if (org.area.type === 'borough' && (!found?.boundary || found.boundary === boundaryOf(org))) {
      await addWardsIfNone(ctx, id, demoWards(org.area.index));
    }
    step(org.name);
  }
  return created;
}

/**
 * Loads the synthetic Greater Manchester demo through the real services, files into the
 * datastore too. Refuses a catalogue that already has organisations unless `force`; with
 * `force` it only adds what is missing (by slug), so it can be re-run to finish a seed that was
 * interrupted.
 */
export async function seedDemo(ctx: AppContext, options: SeedOptions): Promise<SeedSummary> {
  const organisations = await allOrganisations(ctx);
  if (organisations.length > 0 && !options.force) {
    throw conflict(
      `The catalogue already has ${organisations.length} organisation(s); the demo would mix ` +
        'synthetic data with real data. Seed an empty catalogue, or use --force to add it anyway.',
      { organisations: organisations.length },
    );
  }
  const largeRows = options.largeRows ?? LARGE_ROWS;
  const total =
    2 +
    DEMO_ORGANISATIONS.length +
    DEMO_DATASETS.reduce((n, d) => n + stepsOf(d), 0) +
    LARGE_STEPS +
    REPORT_STEPS;
  let done = 0;
  const step = (note: string) => {
    done++;
    options.progress?.(done, total, note);
  };
  options.progress?.(0, total, 'starting');

  await seedRegion(ctx);
  step(REGION.name);
  const summary: SeedSummary = {
    organisations: 0,
    datasets: 0,
    resources: 0,
    loads: 0,
    postcodes: 0,
    reports: 0,
    publisher: null,
  };
  summary.organisations = await seedOrganisations(ctx, step);
  // A few hundred made-up postcodes, only into an empty directory (never beside a real one).
  summary.postcodes = await seedPostcodes(ctx, demoPostcodes());
  step('synthetic postcodes');
  summary.publisher = await seedDemoPublisher(ctx);
  const actor = await demoActor(ctx);
  // What residents can report, and which body answers each category where.
  await seedReportCategories(ctx, actor);
  for (const d of DEMO_DATASETS) {
    if (await datasetExists(ctx, d.meta.slug)) {
      // Already there from an earlier run: skip it and its files, keeping the progress honest.
      for (let i = 0; i < stepsOf(d); i++) step(d.meta.title);
      continue;
    }
    const added = await seedDataset(ctx, actor, d, step);
    summary.resources += added.resources;
    summary.loads += added.loads;
    summary.datasets++;
  }
  if (await datasetExists(ctx, ALL_REQUESTS_SLUG)) {
    for (let i = 0; i < LARGE_STEPS; i++) step(ALL_REQUESTS_SLUG);
  } else {
    await seedAllServiceRequests(ctx, actor, largeRows, step);
    summary.datasets++;
    summary.resources++;
    summary.loads++;
  }
  // Two years of synthetic citizen reports, made through the reports feature, and the open
  // dataset published from them (as every install publishes its residents' reports).
  const reports = await seedDemoReports(ctx, actor, step);
  summary.reports = reports.reports;
  if (reports.datasetCreated) {
    summary.datasets++;
    summary.resources++;
    summary.loads++;
  }
  // One roll-up over the councils' public toilets: three pass, Stockport's dates fail. Before
  // the indicators, one of which compares the boroughs on its combined table.
  if (await seedRollups(ctx, actor)) {
    summary.datasets++;
    summary.resources++;
    summary.loads++;
  }
  // Indicators and dashboards over the demo datasets, now that their data is loaded.
  await seedIndicators(ctx, actor);
  // The mayor's promises, measured by those indicators, dated from the term's start (May 2024).
  await seedPromises(ctx, actor);
  // A few synthetic showcases built on the demo datasets, approved, with their pictures.
  await seedShowcases(ctx, actor);
  // The mayor's office's challenges, one linked to the broadband promise, with synthetic entries.
  await seedChallenges(ctx, actor);
  // Synthetic data requests in every status, one answered by a demo dataset.
  await seedDataRequests(ctx, actor);
  // Quality scores of everything above (and a few datasets published the old way), without
  // checking any link.
  const legacy = await seedQuality(ctx, actor);
  summary.datasets += legacy;
  summary.resources += legacy;
  return summary;
}

/**
 * Seeds the demo on the first start of an empty install: only when there are no organisations
 * and the demo has never been seeded (so deleting the demo does not bring it back). Returns
 * whether it seeded.
 */
export async function seedDemoIfEmpty(
  ctx: AppContext,
  log: (message: string) => void,
  options: Pick<SeedOptions, 'largeRows'> = {},
): Promise<boolean> {
  const k = ctx.db.kysely;
  if ((await allOrganisations(ctx)).length > 0) return false;
  if ((await findMetaValue(k, DEMO_SEEDED_KEY)) !== undefined) return false;
  // Claim first, so that of several nodes starting together only one seeds.
  if (!(await claimMetaKey(k, DEMO_SEEDED_KEY, now()))) return false;
  log('Empty catalogue: seeding the synthetic Greater Manchester demo region');
  try {
    const started = Date.now();
    const s = await seedDemo(ctx, { force: false, largeRows: options.largeRows });
    log(
      `Seeded ${s.organisations} organisations, ${s.datasets} datasets and ${s.resources} ` +
        `resources, ${s.loads} loaded into the datastore, and ${s.reports} citizen reports, ` +
        `in ${(Date.now() - started) / 1000} s`,
    );
    if (s.publisher) log(publisherMessage(s.publisher));
  } catch (err) {
    // Unmark it so a later start can retry if nothing was created; if the seed got part way,
    // there are organisations now and an operator finishes it with `metrodata seed --force`.
    await deleteMetaKey(k, DEMO_SEEDED_KEY);
    throw err;
  }
  await setMetaValue(k, DEMO_SEEDED_KEY, now());
  return true;
}
