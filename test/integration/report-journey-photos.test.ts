import { readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setPassword } from '../../src/features/accounts/index.js';
import { submitReport } from '../../src/features/reports/index.js';
import type { BlobStore } from '../../src/platform/blobs/blob-store.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { readOutbox } from '../helpers/mail.js';
import { $, h1, PageClient } from '../helpers/pages.js';
import { cameraPhoto, hasGps, postDetails, type FormFile } from '../helpers/report-journey.js';
import { seedReportFixture, type ReportFixture } from '../helpers/report-fixture.js';

// Photos on a report: checked by their bytes, turned upright, resized, and stored with no EXIF
// (a phone's GPS would give away where the reporter stood, often their home); served to those
// who may see them; and a report whose photos cannot be stored is not kept at all.

let t: TestApp;
let fx: ReportFixture;
const PASSWORD = 'a long enough password';
const MAX = 400_000;

beforeAll(async () => {
  t = await createTestApp({ reportPhotoMaxBytes: MAX });
  fx = await seedReportFixture(t.ctx);
  await setPassword(t.ctx, fx.emails.resident, PASSWORD);
  await setPassword(t.ctx, 'editor@westshire.example', PASSWORD);
}, 60_000);
afterAll(() => t.close());

const url = () =>
  `/report/details?lat=${fx.points.west.lat}&lon=${fx.points.west.lon}&category=fly-tipping`;
const photo = (filename: string, content: Buffer): FormFile => ({
  field: 'photos',
  filename,
  content,
  contentType: 'image/jpeg',
});

async function signedIn(email: string, address: string): Promise<PageClient> {
  const client = new PageClient(t.app, { remoteAddress: address });
  await client.signIn(email, PASSWORD);
  return client;
}

const reportsCalled = (description: string) =>
  t.ctx.db.kysely
    .selectFrom('reports')
    .selectAll()
    .where('description', '=', description)
    .execute();
const photosOf = (reportId: string) =>
  t.ctx.db.kysely
    .selectFrom('report_photos')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('position')
    .execute();

describe('photos on a report', () => {
  let reportId = '';
  let photoIds: string[] = [];

  it('are stored upright, at most 1600 px, as JPEG without EXIF or GPS', async () => {
    const client = await signedIn(fx.emails.resident, '203.0.113.20');
    const png = await sharp({
      create: { width: 300, height: 200, channels: 4, background: '#00aa0080' },
    })
      .png()
      .toBuffer();
    const res = await postDetails(client, url(), { description: 'Sofa dumped in the lane' }, [
      photo('IMG_0001.JPG', await cameraPhoto()),
      photo('sketch.png', png),
    ]);
    expect(res.statusCode).toBe(303);
    const [report] = await reportsCalled('Sofa dumped in the lane');
    reportId = report?.id ?? '';
    const rows = await photosOf(reportId);
    expect(rows.map((r) => [r.position, r.content_type, r.width, r.height])).toEqual([
      [0, 'image/jpeg', 800, 1600],
      [1, 'image/jpeg', 300, 200],
    ]);
    photoIds = rows.map((r) => r.id);
    expect(rows[0]?.blob_key).toBe(`reports/${reportId}/${photoIds[0] ?? ''}.jpg`);

    // Served to anyone, as stored: a JPEG with nothing of the camera or the place in it.
    const served = await new PageClient(t.app).get(
      `/reports/${reportId}/photos/${photoIds[0] ?? ''}.jpg`,
    );
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.headers['cache-control']).toContain('public');
    const meta = await sharp(served.rawPayload).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 800, 1600]);
    expect(meta.exif).toBeUndefined();
    expect(hasGps(meta.exif)).toBe(false);
    expect(served.rawPayload.includes(Buffer.from('PhoneCo'))).toBe(false);
  });

  it('hidden by a moderator: gone for the public, still there for the body’s staff', async () => {
    const path1 = `/reports/${reportId}/photos/${photoIds[1] ?? ''}.jpg`;
    await t.ctx.db.kysely
      .updateTable('report_photos')
      .set({ hidden: 1 })
      .where('id', '=', photoIds[1] ?? '')
      .execute();
    expect((await new PageClient(t.app).get(path1)).statusCode).toBe(404);
    const staff = await signedIn('editor@westshire.example', '203.0.113.21');
    const seen = await staff.get(path1);
    expect(seen.statusCode).toBe(200);
    expect(seen.headers['cache-control']).toContain('no-store');
    expect(
      (await new PageClient(t.app).get(`/reports/${reportId}/photos/nope.jpg`)).statusCode,
    ).toBe(404);
    expect(
      (await new PageClient(t.app).get(`/reports/${reportId}/photos/${photoIds[0] ?? ''}`))
        .statusCode,
    ).toBe(404);
  });

  it('of an unconfirmed report are not served', async () => {
    const client = new PageClient(t.app, { remoteAddress: '203.0.113.22' });
    const res = await postDetails(
      client,
      url(),
      { description: 'Tyres by the canal', email: 'tyres@example.org' },
      [photo('tyres.jpg', await cameraPhoto(400, 300))],
    );
    expect(h1(res.body)).toBe('Check your e-mail');
    const [report] = await reportsCalled('Tyres by the canal');
    const [row] = await photosOf(report?.id ?? '');
    const served = await new PageClient(t.app).get(
      `/reports/${report?.id ?? ''}/photos/${row?.id ?? ''}.jpg`,
    );
    expect(served.statusCode).toBe(404);
  });

  it('refuses a fake, an oversized and a damaged photo, naming each, keeping what was typed', async () => {
    const client = new PageClient(t.app, { remoteAddress: '203.0.113.23' });
    const noise = await sharp(
      Buffer.from(Array.from({ length: 900 * 900 * 3 }, (_, i) => (i * 7919) % 251)),
      {
        raw: { width: 900, height: 900, channels: 3 },
      },
    )
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(noise.length).toBeGreaterThan(MAX);
    const res = await postDetails(
      client,
      url(),
      { description: 'Fridge on the pavement', email: 'fridge@example.org', phone: '07700 900000' },
      [
        photo('holiday.jpg', Buffer.from('this is not a photo at all')),
        photo('huge.png', noise),
        photo('cut-off.jpg', (await cameraPhoto(400, 300)).subarray(0, 300)),
      ],
    );
    expect(res.statusCode).toBe(422);
    const doc = $(res.body);
    expect(
      doc('.govuk-error-summary a')
        .toArray()
        .map((a) => doc(a).text()),
    ).toEqual([
      'The photo “holiday.jpg” is not a photo: choose a JPEG, PNG or HEIC image. ' +
        'The photo “huge.png” must be smaller than 400 KB. ' +
        'The photo “cut-off.jpg” could not be read as an image: it may be damaged; choose another.',
    ]);
    expect(doc('.govuk-error-summary a').attr('href')).toBe('#photos');
    expect(doc('#photos-error').text()).toContain('huge.png');
    expect(doc('#description').text()).toBe('Fridge on the pavement');
    expect(doc('#email').val()).toBe('fridge@example.org');
    expect(doc('#phone').val()).toBe('07700 900000');
    expect(doc('.govuk-warning-text').text()).toContain('choose them again');
    expect(await reportsCalled('Fridge on the pavement')).toEqual([]);
    const outbox = await readOutbox(t.ctx);
    expect(outbox.some((m) => m.includes('fridge@example.org'))).toBe(false);
  });

  it('says which of several photos is wrong: too large, or damaged', async () => {
    const client = new PageClient(t.app, { remoteAddress: '203.0.113.24' });
    const big = await sharp(
      Buffer.from(Array.from({ length: 900 * 900 * 3 }, (_, i) => (i * 31) % 253)),
      {
        raw: { width: 900, height: 900, channels: 3 },
      },
    )
      .png({ compressionLevel: 0 })
      .toBuffer();
    const tooBig = await postDetails(
      client,
      url(),
      { description: 'Bags', email: 'b@example.org' },
      [photo('big.png', big)],
    );
    expect($(tooBig.body)('#photos-error').text()).toContain(
      'The photo “big.png” must be smaller than 400 KB',
    );
    const broken = await postDetails(
      client,
      url(),
      { description: 'Bags', email: 'b@example.org' },
      [photo('cut-off.jpg', (await cameraPhoto(400, 300)).subarray(0, 300))],
    );
    expect($(broken.body)('#photos-error').text()).toContain(
      'The photo “cut-off.jpg” could not be read as an image',
    );
  });

  it('takes at most three', async () => {
    const client = new PageClient(t.app, { remoteAddress: '203.0.113.25' });
    const small = await cameraPhoto(100, 80);
    const res = await postDetails(
      client,
      url(),
      { description: 'Four photos', email: 'f@example.org' },
      [photo('1.jpg', small), photo('2.jpg', small), photo('3.jpg', small), photo('4.jpg', small)],
    );
    expect(res.statusCode).toBe(422);
    expect($(res.body)('#photos-error').text()).toContain('Choose at most 3 photos');
  });

  it('knows a HEIC photo by its bytes and sends it to the HEIC decoder', async () => {
    // No HEIC encoder is available here (sharp's libheif writes AV1 only), so this checks the
    // detection: a file with an iPhone's HEIC header, named .txt, is not refused as "not a
    // photo" but decoded as HEIC, which this truncated one fails.
    const client = new PageClient(t.app, { remoteAddress: '203.0.113.26' });
    const header = Buffer.concat([
      Buffer.from([0, 0, 0, 24]),
      Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'),
      Buffer.alloc(64),
    ]);
    const res = await postDetails(client, url(), { description: 'HEIC', email: 'h@example.org' }, [
      photo('IMG_0002.txt', header),
    ]);
    expect($(res.body)('#photos-error').text()).toContain(
      'The photo “IMG_0002.txt” could not be read as an image',
    );
  });
});

describe('a report whose photos cannot be stored', () => {
  it('is not kept: no report, no photo rows, no e-mail', async () => {
    // The blob store cannot write under reports/ (a file stands where its folder would be).
    const blocker = path.join(t.ctx.config.blobDir, 'reports');
    await rename(blocker, `${blocker}.aside`);
    await writeFile(blocker, 'in the way');
    try {
      const client = new PageClient(t.app, { remoteAddress: '203.0.113.27' });
      const res = await postDetails(
        client,
        url(),
        { description: 'Broken glass in the park', email: 'glass@example.org' },
        [photo('glass.jpg', await cameraPhoto(400, 300))],
      );
      expect(res.statusCode).toBe(500);
      expect(await reportsCalled('Broken glass in the park')).toEqual([]);
      const outbox = await readOutbox(t.ctx);
      expect(outbox.some((m) => m.includes('glass@example.org'))).toBe(false);
    } finally {
      await rm(blocker, { force: true });
      await rename(`${blocker}.aside`, blocker);
    }
  });

  it('leaves no photo behind when a later one fails', async () => {
    // The real store, failing on its second write (as a full disk or a lost bucket would).
    let puts = 0;
    const blobs: BlobStore = Object.create(t.ctx.blobs) as BlobStore;
    blobs.put = (key, body, options) => {
      puts += 1;
      if (puts === 2) return Promise.reject(new Error('disk full'));
      return t.ctx.blobs.put(key, body, options);
    };
    const jpeg = await cameraPhoto(300, 200);
    await expect(
      submitReport({ ...t.ctx, blobs }, fx.actors.resident, {
        category: 'fly-tipping',
        ...fx.points.west,
        description: 'Paint tins in the alley',
        source: 'web',
        clientAddress: '203.0.113.28',
        photos: [
          { fileName: 'a.jpg', bytes: jpeg, truncated: false },
          { fileName: 'b.jpg', bytes: jpeg, truncated: false },
        ],
      }),
    ).rejects.toThrow('disk full');
    expect(puts).toBe(2);
    expect(await reportsCalled('Paint tins in the alley')).toEqual([]);
    const stored = await readdir(path.join(t.ctx.config.blobDir, 'reports'), { recursive: true });
    const files = stored.filter((f) => f.endsWith('.jpg')).map((f) => `reports/${f}`);
    // Only the photos of the reports kept earlier in this file remain.
    const kept = await t.ctx.db.kysely.selectFrom('report_photos').select('blob_key').execute();
    expect(files.sort()).toEqual(kept.map((k) => k.blob_key).sort());
  });
});
