import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  createToken,
  createUser,
  operatorActor,
  type Actor,
} from '../../src/features/accounts/index.js';
import { createDataset } from '../../src/features/catalog/index.js';
import { importFile } from '../../src/features/datastore/index.js';
import {
  addMemberToOrganisation,
  createOrganisation,
} from '../../src/features/organisations/index.js';
import type { TableSchema } from '../../src/features/rollups/index.js';
import type { AppContext } from '../../src/context.js';

// Roll-up tests' region on top of the shared fixture (Bolton, Wigan): a combined authority with
// an administrator, two more councils, and each council's "public toilets" table.

export const TOILETS_SCHEMA: TableSchema = {
  fields: [
    { name: 'ExtractDate', type: 'date', constraints: { required: true } },
    { name: 'LocationText', type: 'string', constraints: { required: true } },
    { name: 'Category', type: 'string', constraints: { enum: ['Female', 'Male', 'Unisex'] } },
    { name: 'BabyChange', type: 'boolean' },
    { name: 'ChargeAmount', type: 'number' },
  ],
};

export const GOOD_CSV = [
  'ExtractDate,LocationText,Category,BabyChange,ChargeAmount',
  '2024-06-01,Victoria Square,Unisex,true,0.40',
  '2024-06-01,Bus station,Female,false,0',
  '2024-06-01,Market hall,Male,true,0.20',
].join('\n');

/** Wigan's: a date that does not exist in row 2 (so the column stays text in the datastore). */
export const BAD_DATE_CSV = [
  'ExtractDate,LocationText,Category,BabyChange,ChargeAmount,Notes',
  '2024-06-02,Wigan Pier,Unisex,true,0',
  '2024-13-45,Mesnes Park,Unisex,false,0',
].join('\n');

export const FIXED_DATE_CSV = BAD_DATE_CSV.replace('2024-13-45', '2024-06-02');

/** Bury's: no LocationText column, which the schema requires. */
export const MISSING_FIELD_CSV = ['ExtractDate,Category,BabyChange', '2024-06-03,Unisex,true'].join(
  '\n',
);

export const ROLLUP_ADMIN_PASSWORD = 'correct horse battery staple';

export interface RollupRegion {
  caToken: string;
  /** A site administrator (the shared fixture's), to publish for any council. */
  siteAdmin: Actor;
}

export async function seedRollupRegion(ctx: AppContext): Promise<RollupRegion> {
  await createOrganisation(ctx, null, {
    slug: 'gmca',
    name: 'Greater Manchester Combined Authority',
    kind: 'combined-authority',
  });
  await createOrganisation(ctx, null, { slug: 'bury', name: 'Bury Council', kind: 'council' });
  await createOrganisation(ctx, null, {
    slug: 'salford',
    name: 'Salford City Council',
    kind: 'council',
  });
  await createUser(ctx, {
    email: 'admin@gmca.example',
    name: 'GMCA admin',
    password: ROLLUP_ADMIN_PASSWORD,
  });
  await addMemberToOrganisation(ctx, 'admin@gmca.example', 'gmca', 'admin');
  const { token } = await createToken(ctx, {
    email: 'admin@gmca.example',
    name: 'test',
    scopes: ['read', 'write'],
  });
  return { caToken: token, siteAdmin: await operatorActor(ctx, 'admin@example.org') };
}

/** A council's "Public toilets" dataset with its CSV loaded; returns the resource id. */
export async function councilToilets(
  ctx: AppContext,
  actor: Actor,
  dir: string,
  org: string,
  csv: string,
): Promise<string> {
  await createDataset(ctx, actor, {
    slug: `${org}-public-toilets`,
    title: `Public toilets in ${org}`,
    organisation: org,
  });
  const file = path.join(dir, `${org}-toilets.csv`);
  await writeFile(file, csv);
  const { resource, load } = await importFile(ctx, actor, {
    file,
    dataset: `${org}-public-toilets`,
    name: 'Public toilets',
  });
  if (load.status !== 'succeeded') throw new Error(load.error ?? 'load failed');
  return resource.id;
}
