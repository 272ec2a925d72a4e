import type { AppContext } from '../../context.js';
import type { Actor } from '../../features/accounts/index.js';
import {
  importedReportCount,
  importReports,
  refreshReportsDataset,
} from '../../features/reports/index.js';
import { demoReports } from './demo-reports.js';

/** Progress steps: the reports, then their dataset. */
export const REPORT_STEPS = 2;

const DAY_MS = 86_400_000;

const SYNTHETIC_NOTE =
  '> **SYNTHETIC demo data.** In this demo the reports are made up: two years of synthetic ' +
  'reports by synthetic residents, with made-up descriptions and back-dated answers from the ' +
  'bodies, made through the same reports pipeline as real ones. Reports made on this demo site ' +
  'join them.';

/**
 * Imports the demo's synthetic reports through the reports feature (once: not again when some
 * are there), then publishes the "Citizen reports" dataset from them. Returns how many reports
 * it imported and whether it created the dataset.
 */
export async function seedDemoReports(
  ctx: AppContext,
  actor: Actor,
  step: (note: string) => void,
): Promise<{ reports: number; datasetCreated: boolean }> {
  let reports = 0;
  if ((await importedReportCount(ctx, 'demo')) === 0) {
    const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
    ({ imported: reports } = await importReports(ctx, actor, demoReports(today), {
      source: 'demo',
      queueRefresh: false,
    }));
  }
  step(`${reports.toLocaleString('en-GB')} synthetic citizen reports`);
  const options = {
    descriptionNote: SYNTHETIC_NOTE,
    contact: { name: 'GMCA Digital team', email: 'digital@gmca.example' },
  };
  let refreshed = await refreshReportsDataset(ctx, options);
  // A server seeding on its first start runs jobs too: its queued refresh may be running.
  while (refreshed.outcome === 'busy') {
    await new Promise((resolve) => setTimeout(resolve, 250));
    refreshed = await refreshReportsDataset(ctx, options);
  }
  if (refreshed.outcome === 'skipped') {
    throw new Error(`The demo's citizen reports were not published: ${refreshed.reason}`);
  }
  step('Citizen reports dataset');
  return { reports, datasetCreated: refreshed.outcome === 'loaded' && refreshed.created };
}
