import sharp from 'sharp';
import { createToken, createUser, setPassword } from '../../src/features/accounts/index.js';
import type { TestApp } from './app.js';
import { seedFixture, type Fixture } from './fixture.js';

// The shared catalogue (test/helpers/fixture.ts) and a resident who builds things on its data.

export const RESIDENT = {
  email: 'maker@example.org',
  name: 'Sam Maker',
  password: 'maker password 123',
};
export const ADMIN_PASSWORD = 'admin password 123';

export interface ShowcaseFixture extends Fixture {
  /** A resident's token (read and reports, as residents' tokens are). */
  residentToken: string;
  otherResidentToken: string;
}

export async function seedShowcaseFixture(t: TestApp): Promise<ShowcaseFixture> {
  const fx = await seedFixture(t.ctx);
  await createUser(t.ctx, {
    email: RESIDENT.email,
    name: RESIDENT.name,
    password: RESIDENT.password,
  });
  await createUser(t.ctx, { email: 'other@example.org', name: 'Other Person' });
  const scopes = ['read', 'reports'] as const;
  const resident = await createToken(t.ctx, {
    email: RESIDENT.email,
    name: 'app',
    scopes: [...scopes],
  });
  const other = await createToken(t.ctx, {
    email: 'other@example.org',
    name: 'app',
    scopes: [...scopes],
  });
  await setPassword(t.ctx, 'admin@example.org', ADMIN_PASSWORD);
  return { ...fx, residentToken: resident.token, otherResidentToken: other.token };
}

/** A real photo: a 2400x1200 PNG gradient-ish picture, with EXIF-bearing JPEG if asked. */
export async function testImage(format: 'png' | 'jpeg' = 'png'): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="2400" height="1200">
    <rect width="2400" height="1200" fill="#1d70b8"/><circle cx="1200" cy="600" r="400" fill="#ffdd00"/></svg>`;
  const image = sharp(Buffer.from(svg));
  if (format === 'png') return image.png().toBuffer();
  return image
    .withExif({ IFD0: { Make: 'SecretCam', Copyright: 'home' } })
    .jpeg()
    .toBuffer();
}

export const showcaseBody = (overrides: Record<string, unknown> = {}) => ({
  title: 'Bus times on a watch',
  description: 'An app that shows **bus punctuality** on your wrist.',
  type: 'app',
  link: 'https://example.org/bus-watch',
  datasets: ['bus-punctuality'],
  ...overrides,
});
