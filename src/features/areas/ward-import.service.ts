import type { AppContext } from '../../context.js';
import { recordActivity } from '../../platform/activity/record.js';
import type { NewWard, Organisation } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { newId, now } from '../../platform/ids.js';
import { allOrganisations, placeKey, type BoundaryFeature } from '../organisations/index.js';
import { boxOf, polygonsOf } from './geometry.js';
import { deleteWardsNotIn, upsertWards } from './ward.repository.js';

const MAX_LISTED = 25;

type Progress = (done: number, total: number, note?: string) => void;

export interface WardImportOptions {
  /** The property naming each ward's local authority by code (ONS: local_authority_area_code). */
  parentProperty: string;
  progress?: Progress | undefined;
}

const textOf = (v: unknown): string | null =>
  typeof v === 'string' || typeof v === 'number' ? String(v).trim() || null : null;

// Councils first: a combined authority or transport body may share a code with the region,
// never with a borough, but a council is the one a ward belongs to.
function boroughFor(feature: BoundaryFeature, orgs: Organisation[], parentProperty: string) {
  const code = textOf(feature.properties[parentProperty])?.toUpperCase();
  const parentName = textOf(feature.properties[parentProperty.replace(/_code$/, '_name')]);
  let found = code ? orgs.filter((o) => o.area_code?.trim().toUpperCase() === code) : [];
  if (found.length === 0 && parentName) {
    found = orgs.filter((o) => placeKey(o.name) === placeKey(parentName));
  }
  const councils = found.filter((o) => o.kind === 'council');
  const candidates = councils.length > 0 ? councils : found;
  return { org: candidates.length === 1 ? candidates[0] : undefined, code, candidates };
}

/**
 * Loads electoral wards (ONS: area_code, area_name, local_authority_area_code), each matched to
 * its borough by the local authority's code (else its name). Re-importing replaces: a matched
 * borough's wards missing from the file are removed (wards are redrawn by boundary reviews).
 */
export function importWardFeatures(
  ctx: AppContext,
  features: BoundaryFeature[],
  source: string,
  options: WardImportOptions,
): Promise<{ lines: string[] }> {
  return inTransaction(ctx, async (tx) => {
    const orgs = await allOrganisations(tx);
    const at = now();
    const rows: NewWard[] = [];
    const unmatched: string[] = [];
    const perOrg = new Map<string, { org: Organisation; count: number }>();
    features.forEach((f, i) => {
      const label =
        f.name && f.code ? `${f.name} (${f.code})` : (f.name ?? f.code ?? `feature ${i + 1}`);
      if (!f.code || !f.name) {
        unmatched.push(`${label}: a ward needs both a code and a name`);
        return;
      }
      const { org, code, candidates } = boroughFor(f, orgs, options.parentProperty);
      if (!org) {
        unmatched.push(
          candidates.length > 1
            ? `${label}: ${code ?? 'its local authority'} fits ${candidates.map((o) => o.name).join(' and ')}`
            : `${label}: no organisation has the local authority code ${code ?? '(none)'}`,
        );
        return;
      }
      const [min_lon, min_lat, max_lon, max_lat] = boxOf(polygonsOf(f.geometry));
      rows.push({
        id: newId(),
        code: f.code,
        name: f.name,
        organisation_id: org.id,
        boundary: JSON.stringify(f.geometry),
        min_lon,
        min_lat,
        max_lon,
        max_lat,
        created_at: at,
        updated_at: at,
      });
      const entry = perOrg.get(org.id) ?? { org, count: 0 };
      entry.count++;
      perOrg.set(org.id, entry);
      options.progress?.(i + 1, features.length, label);
    });
    const added = await upsertWards(tx.db.kysely, rows);
    const removed = await deleteWardsNotIn(
      tx.db.kysely,
      [...perOrg.keys()],
      rows.map((r) => r.code),
    );
    for (const { org, count } of perOrg.values()) {
      await recordActivity(tx.db.kysely, null, {
        action: 'organisation.wards_imported',
        subject: { type: 'organisation', id: org.id },
        organisationId: org.id,
        diff: { wards: { from: null, to: `${count} from ${source}` } },
        at,
      });
    }
    const lines = [
      `Read ${features.length} ward(s) from ${source}.`,
      `Matched ${rows.length} of ${features.length} to ${perOrg.size} organisation(s): ` +
        `${added.length} new, ${rows.length - added.length} updated, ${removed} removed.`,
      ...[...perOrg.values()].map(({ org, count }) => `  ${org.name}: ${count} ward(s)`),
    ];
    if (unmatched.length === 0) return { lines: [...lines, 'Every ward matched.'] };
    lines.push(`Not matched (${unmatched.length}):`);
    lines.push(...unmatched.slice(0, MAX_LISTED).map((u) => `  ${u}`));
    if (unmatched.length > MAX_LISTED) lines.push(`  ...and ${unmatched.length - MAX_LISTED} more`);
    return { lines };
  });
}
