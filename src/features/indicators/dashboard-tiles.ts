import type { AppContext } from '../../context.js';
import { DomainError } from '../../platform/errors.js';
import type { Actor } from '../accounts/index.js';
import { chartTileLink } from './dashboard-chart.js';
import type { TileInput } from './dashboard.schemas.js';
import { getIndicatorSummary } from './indicator.service.js';
import type { IndicatorSummary } from './indicator.types.js';

export interface TileView {
  kind: TileInput['kind'];
  title: string;
  definition: TileInput;
  /** The tile's SVG image, or null (text). */
  image: string | null;
  /** The data behind the tile. */
  data: { href: string; text: string } | null;
  indicator: IndicatorSummary | null;
}

/** A tile with what it shows resolved: the indicator's values, the chart's image and data link. */
export async function resolveTile(
  ctx: AppContext,
  actor: Actor,
  dashboardPath: string,
  tile: TileInput,
  index: number,
): Promise<TileView> {
  switch (tile.kind) {
    case 'indicator':
    case 'map': {
      const s = await getIndicatorSummary(ctx, actor, tile.indicator);
      return {
        kind: tile.kind,
        title: s.title,
        definition: tile,
        image: tile.kind === 'map' ? `${s.url}/map.svg` : s.sparkline_svg_url,
        data: { href: s.url, text: `${s.title}: values, forecast and data` },
        indicator: s,
      };
    }
    case 'chart': {
      const link = await chartTileLink(ctx, actor, tile);
      return {
        kind: 'chart',
        title: tile.title,
        definition: tile,
        image: `${dashboardPath}/tiles/${String(index + 1)}.svg`,
        data: { href: link.href, text: link.text },
        indicator: null,
      };
    }
    case 'text':
      return {
        kind: 'text',
        title: tile.title ?? '',
        definition: tile,
        image: null,
        data: null,
        indicator: null,
      };
  }
}

/** The tiles the actor can see: a tile over data they cannot read (404) is left out. */
export async function visibleTiles(
  ctx: AppContext,
  actor: Actor,
  dashboardPath: string,
  tiles: TileInput[],
): Promise<TileView[]> {
  const out: TileView[] = [];
  for (const [i, tile] of tiles.entries()) {
    try {
      out.push(await resolveTile(ctx, actor, dashboardPath, tile, i));
    } catch (err) {
      if (!(err instanceof DomainError) || (err.kind !== 'not_found' && err.kind !== 'conflict'))
        throw err;
    }
  }
  return out;
}
