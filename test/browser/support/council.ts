import { Readable } from 'node:stream';
import sharp from 'sharp';
import type { AppContext } from '../../../src/context.js';
import { anonymous, createUser } from '../../../src/features/accounts/index.js';
import { addMemberToOrganisation } from '../../../src/features/organisations/index.js';
import { createReport } from '../../../src/features/reports/index.js';
import { newId } from '../../../src/platform/ids.js';

// The council journey's people and report: an editor of Bolton Council and a street light
// reported in Bolton (through the API's path, so confirmed at once) with one photo.

export const COUNCIL_EDITOR = {
  email: 'streets.officer@bolton.example.gov.uk',
  password: 'correct horse battery staple',
  organisation: 'bolton-council',
};

export async function createCouncilJourney(ctx: AppContext): Promise<{ reportId: string }> {
  await createUser(ctx, {
    email: COUNCIL_EDITOR.email,
    name: 'Sam Streets',
    password: COUNCIL_EDITOR.password,
  });
  await addMemberToOrganisation(ctx, COUNCIL_EDITOR.email, COUNCIL_EDITOR.organisation, 'editor');
  const { report } = await createReport(ctx, anonymous, {
    category: 'street-lights',
    lat: 53.584,
    lon: -2.48,
    description: 'The lamp outside number 12 is out. Call me on 07700 900321 if you need access.',
    email: 'lamp.watcher@example.net',
    phone: '07700 900321',
    source: 'api',
    clientAddress: '192.0.2.200',
  });
  const photoId = newId();
  const key = `reports/${report.id}/${photoId}.jpg`;
  const jpeg = await sharp({
    create: { width: 64, height: 48, channels: 3, background: '#5a6b7c' },
  })
    .jpeg()
    .toBuffer();
  const stored = await ctx.blobs.put(key, Readable.from([jpeg]));
  await ctx.db.kysely
    .insertInto('report_photos')
    .values({
      id: photoId,
      report_id: report.id,
      blob_key: key,
      content_type: 'image/jpeg',
      width: 64,
      height: 48,
      bytes: stored.size,
      position: 0,
      hidden: 0,
      created_at: new Date().toISOString(),
    })
    .execute();
  return { reportId: report.id };
}
