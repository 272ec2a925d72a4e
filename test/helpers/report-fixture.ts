import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AppContext } from '../../src/context.js';
import {
  actorForUser,
  createToken,
  createUser,
  SESSION_SCOPES,
  type Actor,
} from '../../src/features/accounts/index.js';
import { importBoundaryFile } from '../../src/features/areas/index.js';
import {
  addMemberToOrganisation,
  createOrganisation,
} from '../../src/features/organisations/index.js';
import { saveRegion } from '../../src/features/region/index.js';
import { defineCategory, offerCategory } from '../../src/features/reports/index.js';
import { box, feature, polygon, writeCollection } from './geojson-files.js';

// A made-up region for citizen reports (0..2 E, 0..1 N): Westshire and Eastshire share the
// border at 1 E, each with two wards; the transport authority answers everywhere. Categories:
// potholes (each council, with a required "blocking the road?" question), fly-tipping (each
// council) and bus shelters (the transport authority).

export interface ReportFixture {
  /** Points inside each council, and one outside the region. */
  points: {
    west: { lat: number; lon: number };
    east: { lat: number; lon: number };
    outside: { lat: number; lon: number };
  };
  /** API tokens (Bearer) and actors of the people in the story. */
  tokens: {
    admin: string;
    westAdmin: string;
    westEditor: string;
    westMember: string;
    eastEditor: string;
    /** A resident (verified e-mail) with read and reports scopes. */
    resident: string;
    otherResident: string;
    /** An Open311 client application's key: the reports scope only. */
    open311Client: string;
    /** A publisher token without the reports scope. */
    readOnly: string;
  };
  actors: { admin: Actor; resident: Actor; otherResident: Actor; westEditor: Actor };
  emails: { resident: string; otherResident: string; westInbox: string; eastInbox: string };
}

const CONFIG = {
  nameProperty: 'area_name',
  codeProperty: 'area_code',
  parentProperty: 'local_authority_area_code',
};

async function person(
  ctx: AppContext,
  email: string,
  scopes: string[],
  options: { org?: string; role?: 'admin' | 'editor' | 'member'; siteAdmin?: boolean } = {},
): Promise<{ token: string; actor: Actor }> {
  const user = await createUser(ctx, {
    email,
    name: email.split('@')[0] ?? email,
    siteAdmin: options.siteAdmin,
  });
  if (options.org && options.role) {
    await addMemberToOrganisation(ctx, email, options.org, options.role);
  }
  const { token } = await createToken(ctx, { email, name: 'test', scopes });
  return { token, actor: await actorForUser(ctx, user.id, SESSION_SCOPES) };
}

export async function seedReportFixture(ctx: AppContext): Promise<ReportFixture> {
  const at = new Date().toISOString();
  await saveRegion(ctx, {
    id: 'region-1',
    slug: 'testshire',
    name: 'Testshire',
    boundary: null,
    settings: JSON.stringify({ areaCode: 'E47000099' }),
    created_at: at,
    updated_at: at,
  });
  for (const [slug, name, kind] of [
    ['westshire', 'Westshire Council', 'council'],
    ['eastshire', 'Eastshire Council', 'council'],
    ['transit', 'Testshire Transport', 'transport'],
  ] as const) {
    await createOrganisation(ctx, null, { slug, name, kind });
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'metrodata-reports-'));
  try {
    const area = (code: string, name: string, geometry: unknown, la?: string) =>
      feature({ area_code: code, area_name: name, local_authority_area_code: la }, geometry);
    await importBoundaryFile(
      ctx,
      await writeCollection(dir, 'areas.geojson', [
        area('E47000099', 'Testshire', polygon(box(0, 0, 2, 1))),
        area('E08000091', 'Westshire', polygon(box(0, 0, 1, 1))),
        area('E08000092', 'Eastshire', polygon(box(1, 0, 2, 1))),
      ]),
      CONFIG,
    );
    await importBoundaryFile(
      ctx,
      await writeCollection(dir, 'wards.geojson', [
        area('E05000001', 'West North', polygon(box(0, 0.5, 1, 1)), 'E08000091'),
        area('E05000002', 'West South', polygon(box(0, 0, 1, 0.5)), 'E08000091'),
        area('E05000003', 'East North', polygon(box(1, 0.5, 2, 1)), 'E08000092'),
        area('E05000004', 'East South', polygon(box(1, 0, 2, 0.5)), 'E08000092'),
      ]),
      CONFIG,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  const admin = await person(ctx, 'admin@testshire.example', ['read', 'write', 'reports'], {
    siteAdmin: true,
  });
  await defineCategory(ctx, admin.actor, {
    code: 'potholes',
    name: 'Pothole',
    group: 'Roads',
    description: 'A hole in the road or pavement',
    keywords: ['road', 'pavement'],
    attributes: [
      {
        code: 'blocking',
        variable: true,
        datatype: 'singlevaluelist',
        required: true,
        datatype_description: 'Yes or no',
        order: 1,
        description: 'Is it blocking the road?',
        values: [
          { key: 'yes', name: 'Yes' },
          { key: 'no', name: 'No' },
        ],
      },
    ],
  });
  await defineCategory(ctx, admin.actor, {
    code: 'fly-tipping',
    name: 'Fly-tipping',
    group: 'Rubbish',
  });
  await defineCategory(ctx, admin.actor, {
    code: 'bus-shelters',
    name: 'Bus shelter damaged',
    group: 'Transport',
  });
  const emails = {
    resident: 'resident@example.net',
    otherResident: 'neighbour@example.net',
    westInbox: 'roads@westshire.example',
    eastInbox: 'roads@eastshire.example',
  };
  for (const [org, inbox] of [
    ['westshire', emails.westInbox],
    ['eastshire', emails.eastInbox],
  ] as const) {
    for (const category of ['potholes', 'fly-tipping']) {
      await offerCategory(ctx, admin.actor, {
        organisation: org,
        category,
        sendMethod: 'email',
        destination: inbox,
      });
    }
  }
  await offerCategory(ctx, admin.actor, {
    organisation: 'transit',
    category: 'bus-shelters',
    sendMethod: 'email',
    destination: 'shelters@transit.example',
  });

  const westAdmin = await person(ctx, 'admin@westshire.example', ['read', 'write'], {
    org: 'westshire',
    role: 'admin',
  });
  const westEditor = await person(ctx, 'editor@westshire.example', ['read', 'write'], {
    org: 'westshire',
    role: 'editor',
  });
  const westMember = await person(ctx, 'member@westshire.example', ['read', 'write'], {
    org: 'westshire',
    role: 'member',
  });
  const eastEditor = await person(ctx, 'editor@eastshire.example', ['read', 'write'], {
    org: 'eastshire',
    role: 'editor',
  });
  const resident = await person(ctx, emails.resident, ['read', 'reports']);
  const otherResident = await person(ctx, emails.otherResident, ['read', 'reports']);
  const client = await person(ctx, 'app@fixit.example', ['reports']);
  const readOnly = await person(ctx, 'reader@westshire.example', ['read', 'write'], {
    org: 'westshire',
    role: 'editor',
  });
  return {
    points: {
      west: { lat: 0.7, lon: 0.3 },
      east: { lat: 0.2, lon: 1.6 },
      outside: { lat: 0.5, lon: 3.5 },
    },
    tokens: {
      admin: admin.token,
      westAdmin: westAdmin.token,
      westEditor: westEditor.token,
      westMember: westMember.token,
      eastEditor: eastEditor.token,
      resident: resident.token,
      otherResident: otherResident.token,
      open311Client: client.token,
      readOnly: readOnly.token,
    },
    actors: {
      admin: admin.actor,
      resident: resident.actor,
      otherResident: otherResident.actor,
      westEditor: westEditor.actor,
    },
    emails,
  };
}
