import type { Answers, AttributeDefinition } from '../../attributes.js';
import type { PublicReport } from '../../report.view.js';
import { statusTagClass } from '../reports/reports.view.js';

// What the report page shows besides the report itself: the reporter's answers in words, the
// timeline of updates, and where the point is (for the map and its fallback).

export function answersView(definitions: readonly AttributeDefinition[], answers: Answers) {
  return definitions
    .filter((d) => d.variable && answers[d.code] !== undefined)
    .sort((a, b) => a.order - b.order)
    .map((d) => {
      const given = answers[d.code] ?? [];
      const names = (Array.isArray(given) ? given : [given]).map(
        (v) => d.values?.find((o) => o.key === v)?.name ?? v,
      );
      return { question: d.description || d.code, answer: names.join(', ') };
    });
}

export function timelineView(report: PublicReport) {
  return [
    {
      id: 'reported',
      title: 'Reported',
      by: report.reporter_name ?? 'A resident',
      at: report.created_at,
      text: null as string | null,
      tag: null as { text: string; classes: string } | null,
    },
    ...report.updates.map((u) => ({
      id: `update-${u.id}`,
      title: u.status_label ? `Status: ${u.status_label}` : 'Update',
      by: u.body?.name ?? (u.source === 'reporter' ? 'The reporter' : 'A resident'),
      at: u.created_at,
      text: u.text || null,
      tag:
        u.status && u.status_label
          ? { text: u.status_label, classes: statusTagClass(u.status) }
          : null,
    })),
  ];
}

/** A box around the point (~200 m): the map shows the report and any others right there. */
export function nearbyBox(lat: number, lon: number): string {
  const d = 0.002;
  return [lon - d, lat - d, lon + d, lat + d].map((n) => n.toFixed(6)).join(',');
}

export const osmHref = (lat: number, lon: number) =>
  `https://www.openstreetmap.org/?mlat=${lat.toFixed(6)}&mlon=${lon.toFixed(6)}#map=17/${lat.toFixed(6)}/${lon.toFixed(6)}`;
