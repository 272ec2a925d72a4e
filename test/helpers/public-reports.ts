import { randomUUID } from 'node:crypto';
import { anonymous } from '../../src/features/accounts/index.js';
import { createReport, postReportUpdate } from '../../src/features/reports/index.js';
import type { TestApp } from './app.js';
import type { ReportFixture } from './report-fixture.js';

// Reports in every public state over the report fixture, for the tests of the public side:
// whose personal details must never show, which are hidden or unconfirmed, which moderated.

export const PRIVATE = {
  name: 'Alice Quietly',
  phone: '07700 900123',
  email: 'alice.private@example.org',
  pendingEmail: 'pending.person@example.org',
};
export const SHOWN_NAME = 'Bob Openly';

export interface PublicReports {
  /** Westshire pothole, West North, open; the reporter's name not shown. */
  westPothole: string;
  /** Eastshire fly-tipping, East South, fixed by the body; the reporter's name shown. */
  eastTipping: string;
  /** Transit bus shelter in Westshire, reported in January 2025, moderated, with photos. */
  oldShelter: string;
  /** Eastshire pothole hidden by a moderator. */
  hidden: string;
  /** Westshire fly-tipping waiting for its e-mailed link. */
  unconfirmed: string;
  /** The visible and the hidden photo of oldShelter. */
  photos: { visible: string; hidden: string };
}

const base = { source: 'web', clientAddress: '192.0.2.10' } as const;

export async function seedPublicReports(t: TestApp, fx: ReportFixture): Promise<PublicReports> {
  const db = t.ctx.db.kysely;
  const westPothole = await createReport(t.ctx, fx.actors.resident, {
    ...base,
    ...fx.points.west,
    category: 'potholes',
    attributes: { blocking: 'yes' },
    description: 'A deep pothole outside the library',
    address: 'Library Road',
    name: PRIVATE.name,
    phone: PRIVATE.phone,
  });
  const eastTipping = await createReport(t.ctx, fx.actors.otherResident, {
    ...base,
    ...fx.points.east,
    category: 'fly-tipping',
    description: 'Mattresses dumped by the canal',
    name: SHOWN_NAME,
    showName: true,
  });
  await postReportUpdate(t.ctx, fx.actors.admin, eastTipping.report.id, {
    status: 'fixed',
    text: 'Cleared by our crew this morning.',
    source: 'web',
  });
  const oldShelter = await createReport(t.ctx, fx.actors.resident, {
    ...base,
    lat: 0.8,
    lon: 0.2,
    category: 'bus-shelters',
    description: 'Glass panel smashed',
  });
  await db
    .updateTable('reports')
    .set({
      created_at: '2025-01-15T10:00:00.000Z',
      confirmed_at: '2025-01-15T10:00:00.000Z',
      moderated: 1,
    })
    .where('id', '=', oldShelter.report.id)
    .execute();
  const photos = { visible: randomUUID(), hidden: randomUUID() };
  for (const [id, hidden] of [
    [photos.visible, 0],
    [photos.hidden, 1],
  ] as const) {
    await db
      .insertInto('report_photos')
      .values({
        id,
        report_id: oldShelter.report.id,
        blob_key: `reports/${id}.jpg`,
        content_type: 'image/jpeg',
        width: 800,
        height: 600,
        bytes: 1000,
        position: hidden,
        hidden,
        created_at: new Date().toISOString(),
      })
      .execute();
  }
  const hidden = await createReport(t.ctx, fx.actors.resident, {
    ...base,
    lat: 0.3,
    lon: 1.4,
    category: 'potholes',
    attributes: { blocking: 'no' },
    description: 'A report a moderator hid',
  });
  await db
    .updateTable('reports')
    .set({ state: 'hidden', moderated: 1 })
    .where('id', '=', hidden.report.id)
    .execute();
  const unconfirmed = await createReport(t.ctx, anonymous, {
    ...base,
    ...fx.points.west,
    category: 'fly-tipping',
    description: 'Waiting for its link',
    email: PRIVATE.pendingEmail,
  });
  return {
    westPothole: westPothole.report.id,
    eastTipping: eastTipping.report.id,
    oldShelter: oldShelter.report.id,
    hidden: hidden.report.id,
    unconfirmed: unconfirmed.report.id,
    photos,
  };
}
