import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer } from '../helpers/fixture.js';
import { multipartBody } from '../helpers/multipart.js';
import type { PublicShowcase } from '../../src/features/showcases/index.js';
import {
  seedShowcaseFixture,
  showcaseBody,
  testImage,
  type ShowcaseFixture,
} from '../helpers/showcase-fixture.js';

// Showcases by API: a resident submits, adds an image, an admin approves or rejects; only
// approved ones are public; the image is made safe and served with the right headers.

let t: TestApp;
let fx: ShowcaseFixture;

interface Listed {
  total: number;
  page: number;
  per_page: number;
  results: PublicShowcase[];
}
interface Failed {
  error: { code: string; details: { field: string; message: string }[] };
}

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedShowcaseFixture(t);
}, 60_000);
afterAll(() => t.close());

const submit = (body: object, token = fx.residentToken) =>
  t.app.inject({ method: 'POST', url: '/api/v1/showcases', headers: bearer(token), payload: body });

const putImage = (slug: string, file: Buffer, token = fx.residentToken, name = 'shot.png') => {
  const { body, contentType } = multipartBody(
    {},
    { field: 'image', filename: name, content: file },
  );
  return t.app.inject({
    method: 'PUT',
    url: `/api/v1/showcases/${slug}/image`,
    headers: { ...bearer(token), 'content-type': contentType },
    payload: body,
  });
};

describe('submitting', () => {
  it('makes a pending showcase the author sees and the public does not', async () => {
    const res = await submit(showcaseBody({ author_name: 'The Watch Team' }));
    expect(res.statusCode).toBe(201);
    const created = res.json<PublicShowcase>();
    expect(created).toMatchObject({
      slug: 'bus-times-on-a-watch',
      status: 'pending',
      type: 'app',
      author: { name: 'The Watch Team' },
      image: null,
      datasets: [{ slug: 'bus-punctuality', title: 'Bus punctuality' }],
    });
    expect(res.headers.location).toBe(created.api_url);
    expect((await t.app.inject(`/api/v1/showcases/${created.slug}`)).statusCode).toBe(404);
    const own = await t.app.inject({
      url: `/api/v1/showcases/${created.slug}`,
      headers: bearer(fx.residentToken),
    });
    expect(own.json<PublicShowcase>().status).toBe('pending');
    const publicList = await t.app.inject('/api/v1/showcases');
    expect(publicList.json<Listed>().results.map((s) => s.slug)).not.toContain(created.slug);
  });

  it('refuses private, draft and unknown datasets, a javascript: link and an unknown type', async () => {
    const res = await submit(
      showcaseBody({ datasets: ['staff-rota', 'draft-cycle-counts', 'nope'] }),
    );
    expect(res.statusCode).toBe(422);
    const fields = res.json<Failed>().error.details.map((d: { message: string }) => d.message);
    expect(fields).toEqual([
      'There are no public datasets “staff-rota”, “draft-cycle-counts” and “nope”',
    ]);
    expect((await submit(showcaseBody({ link: 'javascript:alert(1)' }))).statusCode).toBe(400);
    const bad = await submit(showcaseBody({ type: 'poem' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Failed>().error.code).toBe('invalid_request');
  });

  it('gives a second showcase of the same title its own address', async () => {
    const a = (
      await submit(showcaseBody({ title: 'Air map', datasets: ['air-quality'] }))
    ).json<PublicShowcase>();
    const b = (
      await submit(showcaseBody({ title: 'Air map', datasets: ['air-quality'] }))
    ).json<PublicShowcase>();
    expect([a.slug, b.slug]).toEqual(['air-map', 'air-map-2']);
  });
});

describe('the image', () => {
  it('is resized, stripped of EXIF and served as a JPEG, privately until approved', async () => {
    const created = (
      await submit(showcaseBody({ title: 'Watch with a picture' }))
    ).json<PublicShowcase>();
    const res = await putImage(created.slug, await testImage('jpeg'), fx.residentToken, 'shot.jpg');
    expect(res.statusCode, res.body).toBe(200);
    const { image } = res.json<PublicShowcase>();
    expect(image).toMatchObject({ width: 1600, height: 800 });
    const path = new URL(image?.url ?? '').pathname;
    // The author sees it (never cached by a shared cache); the public cannot yet.
    const own = await t.app.inject({ url: path, headers: bearer(fx.residentToken) });
    expect(own.statusCode).toBe(200);
    expect(own.headers['cache-control']).toBe('private, no-store');
    expect((await t.app.inject(path)).statusCode).toBe(404);

    await t.app.inject({
      method: 'POST',
      url: `/api/v1/showcases/${created.slug}/approve`,
      headers: bearer(fx.tokens.admin),
    });
    const served = await t.app.inject(path);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const meta = await sharp(served.rawPayload).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 1600, height: 800 });
    expect(meta.exif).toBeUndefined();
  });

  it('refuses a file that is not an image, naming it', async () => {
    const created = (await submit(showcaseBody({ title: 'Not a picture' }))).json<PublicShowcase>();
    const res = await putImage(
      created.slug,
      Buffer.from('%PDF-1.4 hello'),
      fx.residentToken,
      'paper.pdf',
    );
    expect(res.statusCode).toBe(422);
    expect(res.json<Failed>().error.details).toEqual([
      {
        field: 'image',
        message: 'The image “paper.pdf” is not an image: choose a JPEG, PNG or HEIC file',
      },
    ]);
    const after = await t.app.inject({
      url: `/api/v1/showcases/${created.slug}`,
      headers: bearer(fx.residentToken),
    });
    expect(after.json<PublicShowcase>().image).toBeNull();
  });

  it('is refused sent as JSON', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/showcases/not-a-picture/image',
      headers: bearer(fx.residentToken),
      payload: { image: 'x' },
    });
    expect(res.statusCode).toBe(415);
  });
});

describe('moderation and the public list', () => {
  it('lists approved showcases with filters by type, dataset and words, paged', async () => {
    const admin = bearer(fx.tokens.admin);
    for (const [title, type, dataset] of [
      ['Fly-tipping hotspots story', 'story', 'fly-tipping-reports'],
      ['Air and buses study', 'research', 'air-quality'],
      ['Punctuality chart', 'visualisation', 'bus-punctuality'],
    ] as const) {
      const s = (
        await submit(showcaseBody({ title, type, datasets: [dataset] }))
      ).json<PublicShowcase>();
      const ok = await t.app.inject({
        method: 'POST',
        url: `/api/v1/showcases/${s.slug}/approve`,
        headers: admin,
      });
      expect(ok.json<PublicShowcase>().status).toBe('approved');
    }
    const list = (q: string) =>
      t.app.inject(`/api/v1/showcases?${q}`).then((r) => {
        expect(r.statusCode, r.body).toBe(200);
        return r.json<Listed>();
      });
    const titles = (body: Listed) => body.results.map((r) => r.title);
    expect(titles(await list('type=research'))).toEqual(['Air and buses study']);
    expect(titles(await list('dataset=bus-punctuality'))).toEqual([
      'Punctuality chart',
      'Watch with a picture',
    ]);
    expect(titles(await list('q=HOTSPOTS'))).toEqual(['Fly-tipping hotspots story']);
    const paged = await list('per_page=2&page=2');
    expect(paged).toMatchObject({ total: 4, page: 2, per_page: 2 });
    expect(paged.results).toHaveLength(2);
  });

  it('rejects with a reason the author sees, and lists the queue for admins only', async () => {
    const s = (await submit(showcaseBody({ title: 'Spam app' }))).json<PublicShowcase>();
    const admin = bearer(fx.tokens.admin);
    const queue = await t.app.inject({ url: '/api/v1/showcases?status=pending', headers: admin });
    expect(queue.json<Listed>().results.map((r) => r.slug)).toContain(s.slug);
    const others = await t.app.inject({
      url: '/api/v1/showcases?status=pending',
      headers: bearer(fx.otherResidentToken),
    });
    expect(others.json<Listed>().total).toBe(0);
    const missing = await t.app.inject({
      method: 'POST',
      url: `/api/v1/showcases/${s.slug}/reject`,
      headers: admin,
      payload: {},
    });
    expect(missing.statusCode).toBe(400);
    const rejected = await t.app.inject({
      method: 'POST',
      url: `/api/v1/showcases/${s.slug}/reject`,
      headers: admin,
      payload: { reason: 'The link does not use any of the data.' },
    });
    expect(rejected.json<PublicShowcase>()).toMatchObject({ status: 'rejected' });
    const seen = await t.app.inject({
      url: `/api/v1/showcases/${s.slug}`,
      headers: bearer(fx.residentToken),
    });
    expect(seen.json<PublicShowcase>().rejection_reason).toBe(
      'The link does not use any of the data.',
    );
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/showcases/${s.slug}/reject`,
      headers: admin,
      payload: { reason: 'twice' },
    });
    expect(again.statusCode).toBe(409);
  });

  it('lets the author delete theirs, and records each step in the audit log', async () => {
    const s = (await submit(showcaseBody({ title: 'Short-lived' }))).json<PublicShowcase>();
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/showcases/${s.slug}`,
      headers: bearer(fx.residentToken),
    });
    expect(del.statusCode).toBe(204);
    const gone = await t.app.inject({
      url: `/api/v1/showcases/${s.slug}`,
      headers: bearer(fx.tokens.admin),
    });
    expect(gone.statusCode).toBe(404);
    const log = await t.ctx.db.kysely
      .selectFrom('activities')
      .select('action')
      .where('subject_id', '=', s.id)
      .orderBy('created_at')
      .execute();
    expect(log.map((l) => l.action)).toEqual(['showcase.submitted', 'showcase.deleted']);
  });
});
