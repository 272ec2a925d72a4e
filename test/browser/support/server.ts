// Starts the real app on a free port over a fresh data folder, seeded with the demo region
// (a smaller service-requests table so the suite starts fast) and a publisher account.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildApp } from '../../../src/app.js';
import { openContext } from '../../../src/bootstrap.js';
import { loadConfig } from '../../../src/config.js';
import { seedDemo } from '../../../src/demo/seed.js';
import { createPublisher, PUBLISHER } from './publisher.js';
import { COUNCIL_EDITOR, createCouncilJourney } from './council.js';
import { createSiteAdmin, SITE_ADMIN } from './showcases.js';
import { CHALLENGE_RESIDENT, createChallengeResident } from './challenges.js';
import { createRequester, REQUESTER } from './data-requests.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    publisher: { email: string; password: string };
    /** The server's DATA_DIR: its outbox holds the mail it sent (DATA_DIR/outbox). */
    dataDir: string;
    council: { email: string; password: string; reportId: string };
    siteAdmin: { email: string; password: string };
    challengeResident: { email: string; password: string };
    requester: { email: string; password: string };
  }
}

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'metrodata-browser-'));
  const config = loadConfig(
    {},
    { dataDir, port: 0, host: '127.0.0.1', logLevel: 'warn', seedDemo: false },
  );
  const ctx = await openContext(config);
  await seedDemo(ctx, { force: false, largeRows: 20_000 });
  await createPublisher(ctx);
  await createSiteAdmin(ctx);
  const { reportId } = await createCouncilJourney(ctx);
  await createChallengeResident(ctx);
  await createRequester(ctx);
  const app = await buildApp(ctx, { ownsContext: true, logger: false });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  project.provide('baseUrl', address);
  project.provide('publisher', PUBLISHER);
  project.provide('dataDir', dataDir);
  project.provide('council', { ...COUNCIL_EDITOR, reportId });
  project.provide('siteAdmin', SITE_ADMIN);
  project.provide('challengeResident', CHALLENGE_RESIDENT);
  project.provide('requester', REQUESTER);
  return async () => {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  };
}
