import path from 'node:path';
import type { AppContext } from '../../context.js';
import type { Organisation, Region } from '../../platform/db/schema.js';
import {
  isObject,
  placeKey,
  readBoundaryFeatures,
  text,
  type BoundaryFeature,
} from './boundary-file.js';

export { placeKey };
import { now } from '../../platform/ids.js';
import { recordActivity } from '../../platform/activity/record.js';
import { listAllOrganisations, updateOrganisationBoundary } from './organisation.repository.js';
import { findRegion, setRegionBoundary } from '../region/index.js';
import { inTransaction } from '../../platform/db/transaction.js';

const MAX_LISTED = 25;

type Progress = (done: number, total: number, note?: string) => void;

type Feature = BoundaryFeature;

const labelOf = (f: Feature, i: number) =>
  f.name && f.code ? `${f.name} (${f.code})` : (f.name ?? f.code ?? `feature ${i + 1}`);

function groupBy(orgs: Organisation[], key: (o: Organisation) => string | null) {
  const map = new Map<string, Organisation[]>();
  for (const o of orgs) {
    const k = key(o);
    if (k) map.set(k, [...(map.get(k) ?? []), o]);
  }
  return map;
}

interface Match {
  feature: Feature;
  label: string;
  orgs: Organisation[];
  region: boolean;
  byName: boolean;
}

/** Decides where each feature goes, without writing: by area code, else by name. */
function plan(features: Feature[], orgs: Organisation[], region: Region | undefined) {
  const byCode = groupBy(orgs, (o) => o.area_code?.trim().toUpperCase() ?? null);
  const byName = groupBy(orgs, (o) => placeKey(o.name) || null);
  const regionCode = region ? text(settingsOf(region).areaCode)?.toUpperCase() : undefined;
  const taken = new Set<string>();
  const matches: Match[] = [];
  const unmatched: string[] = [];
  features.forEach((feature, i) => {
    const label = labelOf(feature, i);
    const key = feature.name ? placeKey(feature.name) : '';
    let targets = feature.code ? (byCode.get(feature.code) ?? []) : [];
    const named = targets.length === 0 && key ? (byName.get(key) ?? []) : [];
    if (named.length > 1) {
      unmatched.push(`${label}: the name fits ${named.map((o) => o.name).join(' and ')}`);
      return;
    }
    if (named.length === 1) targets = named;
    const isRegion =
      region !== undefined &&
      !taken.has('region') &&
      ((feature.code !== null && feature.code === regionCode) ||
        (key !== '' && key === placeKey(region.name)));
    const fresh = targets.filter((o) => !taken.has(o.id));
    if (fresh.length === 0 && !isRegion) {
      unmatched.push(
        targets.length > 0
          ? `${label}: already matched by an earlier feature`
          : `${label}: no organisation or region with this code or name`,
      );
      return;
    }
    for (const o of fresh) taken.add(o.id);
    if (isRegion) taken.add('region');
    matches.push({ feature, label, orgs: fresh, region: isRegion, byName: named.length === 1 });
  });
  return { matches, unmatched };
}

const settingsOf = (region: Region): Record<string, unknown> => {
  const parsed: unknown = JSON.parse(region.settings);
  return isObject(parsed) ? parsed : {};
};

async function apply(tx: AppContext, m: Match, region: Region | undefined, source: string) {
  const trx = tx.db.kysely;
  const at = now();
  const boundary = JSON.stringify(m.feature.geometry);
  for (const org of m.orgs) {
    const areaCode = m.feature.code ?? org.area_code;
    await updateOrganisationBoundary(trx, org.id, boundary, areaCode, at);
    const codeChange = areaCode !== org.area_code ? { from: org.area_code, to: areaCode } : null;
    await recordActivity(trx, null, {
      action: 'organisation.boundary_imported',
      subject: { type: 'organisation', id: org.id },
      organisationId: org.id,
      diff: {
        boundary: { from: org.boundary ? 'previous boundary' : null, to: `from ${source}` },
        ...(codeChange ? { area_code: codeChange } : {}),
      },
      at,
    });
  }
  if (m.region && region) {
    const settings = settingsOf(region);
    const next = { ...settings, areaCode: m.feature.code ?? settings.areaCode };
    await setRegionBoundary(tx, region.id, boundary, JSON.stringify(next), at);
  }
}

function report(source: string, total: number, matches: Match[], unmatched: string[]): string[] {
  const orgCount = matches.reduce((n, m) => n + m.orgs.length, 0);
  const region = matches.find((m) => m.region) ? ', and the region boundary' : '';
  const lines = [
    `Read ${total} feature(s) from ${source}.`,
    `Matched ${matches.length} of ${total}: ${orgCount} organisation boundaries updated${region}.`,
    ...matches.map((m) => {
      const names = [...m.orgs.map((o) => o.name), ...(m.region ? ['the region'] : [])];
      return `  ${m.label} -> ${names.join(', ')}${m.byName ? ' (by name)' : ''}`;
    }),
  ];
  if (unmatched.length === 0) return [...lines, 'Every feature matched.'];
  lines.push(`Not matched (${unmatched.length}):`);
  lines.push(...unmatched.slice(0, MAX_LISTED).map((u) => `  ${u}`));
  if (unmatched.length > MAX_LISTED) lines.push(`  ...and ${unmatched.length - MAX_LISTED} more`);
  return lines;
}

/**
 * Loads official boundaries from a GeoJSON FeatureCollection: each feature goes to the
 * organisations with its area code, else to the one whose name matches, and a feature for the
 * whole region becomes the region's boundary. Unmatched features are reported, not fatal. All
 * updates happen in one transaction, after the whole file has been checked.
 */
export async function importRegionBoundaries(
  ctx: AppContext,
  file: string,
  options: { nameProperty: string; codeProperty: string; progress?: Progress },
): Promise<{ lines: string[] }> {
  const features = await readBoundaryFeatures(file, options);
  return importRegionFeatures(ctx, features, path.basename(file), options);
}

/** importRegionBoundaries for features already read and checked (readBoundaryFeatures). */
export function importRegionFeatures(
  ctx: AppContext,
  features: BoundaryFeature[],
  source: string,
  options: { progress?: Progress | undefined },
): Promise<{ lines: string[] }> {
  return inTransaction(ctx, async (tx) => {
    const region = await findRegion(tx);
    const orgs = await listAllOrganisations(tx.db.kysely);
    const { matches, unmatched } = plan(features, orgs, region);
    for (const [i, m] of matches.entries()) {
      options.progress?.(i + 1, matches.length, m.label);
      await apply(tx, m, region, source);
    }
    return { lines: report(source, features.length, matches, unmatched) };
  });
}
