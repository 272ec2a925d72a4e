import type { PublicReportSummary } from './report.view.js';

// A page of public reports as GeoJSON points: what the map draws, each with a popup's worth of
// properties and a link to the report's page.

export function asFeatureCollection(page: {
  total: number;
  page: number;
  per_page: number;
  results: readonly PublicReportSummary[];
}) {
  return {
    type: 'FeatureCollection' as const,
    features: page.results.map((r) => ({
      type: 'Feature' as const,
      id: r.id,
      geometry: { type: 'Point' as const, coordinates: [r.longitude, r.latitude] },
      properties: {
        category: r.category.name,
        status: r.status_label,
        body: r.body.name,
        ward: r.ward?.name ?? null,
        reported: r.created_at.slice(0, 10),
        url: r.url,
      },
    })),
    total: page.total,
    page: page.page,
    per_page: page.per_page,
  };
}
