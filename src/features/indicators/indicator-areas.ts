import type { AppContext } from '../../context.js';
import { allOrganisations } from '../organisations/index.js';
import type { Area } from './indicator-charts.js';
import type { GroupSeries } from './indicator.types.js';
import { rewindForD3 } from './rewind.js';

/**
 * The group values that name an area with a boundary: an organisation whose area code, name,
 * or name's first words ("Bolton" of "Bolton Council") equal the value. Boroughs are the
 * councils' boundaries (the demo's approximate ones, or those `region import` loaded).
 */
export async function areasOf(ctx: AppContext, groups: GroupSeries[]): Promise<Area[]> {
  const orgs = (await allOrganisations(ctx)).filter(
    (o) => o.boundary !== null && o.kind !== 'combined-authority',
  );
  const areas: Area[] = [];
  for (const g of groups) {
    const org = orgs.find(
      (o) => o.area_code === g.group || o.name === g.group || o.name.startsWith(`${g.group} `),
    );
    if (org?.boundary) {
      areas.push({
        name: g.group,
        geometry: rewindForD3(JSON.parse(org.boundary)),
        value: g.latest?.value ?? null,
      });
    }
  }
  return areas;
}
