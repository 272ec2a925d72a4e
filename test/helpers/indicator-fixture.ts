import { addMemberToOrganisation } from '../../src/features/organisations/index.js';
import { createToken, createUser } from '../../src/features/accounts/index.js';
import { createOrganisation } from '../../src/features/organisations/organisation.service.js';
import type { AppContext } from '../../src/context.js';
import type { TestApp } from './app.js';
import { bearer } from './fixture.js';
import { multipartBody } from './multipart.js';

export const QUARTERS = ['2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4', '2023-Q1', '2023-Q2'];
export const BOROUGHS = ['Bolton', 'Bury', 'Wigan'];

export interface CoverageRow {
  quarter: string;
  borough: string;
  premises: number;
  covered: number;
  pct: number;
}

/** Coverage by borough and quarter, growing by `step` points a quarter. */
export function coverageRows(step: number): CoverageRow[] {
  return QUARTERS.flatMap((quarter, i) =>
    BOROUGHS.map((borough, b) => {
      const premises = 1000 * (b + 1) + 10 * i;
      const pct = 20 + step * i + 3 * b + (i % 2) * 0.5;
      return { quarter, borough, premises, covered: Math.round((premises * pct) / 100), pct };
    }),
  );
}

export const coverageCsv = (rows: CoverageRow[]) =>
  `quarter,borough,premises,covered,pct\n${rows
    .map(
      (r) =>
        `${r.quarter},${r.borough},${String(r.premises)},${String(r.covered)},${r.pct.toFixed(1)}`,
    )
    .join('\n')}\n`;

export async function uploadCsv(t: TestApp, url: string, token: string, content: string) {
  const { body, contentType } = multipartBody({}, { field: 'file', filename: 'c.csv', content });
  return t.app.inject({
    method: 'POST',
    url,
    headers: { ...bearer(token), 'content-type': contentType },
    payload: body,
  });
}

/** The combined authority and an editor of it: the people who may edit indicators. */
export async function seedCombinedAuthorityEditor(ctx: AppContext): Promise<string> {
  await createOrganisation(ctx, null, {
    slug: 'gmca',
    name: 'Combined Authority',
    kind: 'combined-authority',
  });
  await createUser(ctx, { email: 'editor@gmca.example', name: 'CA editor' });
  await addMemberToOrganisation(ctx, 'editor@gmca.example', 'gmca', 'editor');
  const { token } = await createToken(ctx, {
    email: 'editor@gmca.example',
    name: 'test',
    scopes: ['read', 'write'],
  });
  return token;
}
