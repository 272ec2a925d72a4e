import type { AppContext } from '../../context.js';
import { newId, now } from '../../platform/ids.js';
import type { BoundaryGeometry } from '../organisations/index.js';
import { boxOf, polygonsOf } from './geometry.js';
import { countWardsOf, upsertWards } from './ward.repository.js';

export interface WardInput {
  code: string;
  name: string;
  geometry: BoundaryGeometry;
}

/**
 * Gives an organisation these wards unless it has some already (the demo's seed: it never
 * replaces wards someone imported). Returns how many it added.
 */
export async function addWardsIfNone(
  ctx: AppContext,
  organisationId: string,
  wards: WardInput[],
): Promise<number> {
  if ((await countWardsOf(ctx.db.kysely, organisationId)) > 0) return 0;
  const at = now();
  const added = await upsertWards(
    ctx.db.kysely,
    wards.map((w) => {
      const [min_lon, min_lat, max_lon, max_lat] = boxOf(polygonsOf(w.geometry));
      return {
        id: newId(),
        code: w.code,
        name: w.name,
        organisation_id: organisationId,
        boundary: JSON.stringify(w.geometry),
        min_lon,
        min_lat,
        max_lon,
        max_lat,
        created_at: at,
        updated_at: at,
      };
    }),
  );
  return added.length;
}
