import { formatDate } from '../../../../platform/views/filters.js';
import { STATUSES } from '../../promise-status.js';
import type { PromiseIndicatorView } from '../../promise-indicators.js';
import type { PromiseSummaryView } from '../../promise.view.js';

export interface ScorecardData {
  term: { start: string | null; day: number | null };
  counts: Record<string, number>;
  total: number;
  items: { promise: PromiseSummaryView; indicators: PromiseIndicatorView[] }[];
}

export interface ScorecardState {
  statuses: string[];
  themes: string[];
}

const tagOf = (status: string) => STATUSES.find((s) => s.value === status)?.tag ?? '';

/** The URL of the scorecard with these filters (the GET form's own encoding). */
export function scorecardHref(state: ScorecardState): string {
  const q = new URLSearchParams();
  for (const s of state.statuses) q.append('status', s);
  for (const t of state.themes) q.append('theme', t);
  const qs = q.toString();
  return qs ? `/promises?${qs}` : '/promises';
}

/** "Day N of the mayor's term" (or when it starts); null when the region sets no term start. */
export function termLine(term: { start: string | null; day: number | null }): string | null {
  if (term.start === null || term.day === null) return null;
  if (term.day > 0) return `Day ${term.day.toLocaleString('en-GB')} of the mayor’s term`;
  return `The mayor’s term starts on ${formatDate(term.start)}`;
}

/** What the scorecard template shows: counts, filters and promises grouped by theme. */
export function scorecardView(
  data: ScorecardData,
  state: ScorecardState,
  themes: { slug: string; title: string }[],
) {
  const groups = new Map<string, { title: string; slug: string; promises: unknown[] }>();
  for (const { promise, indicators } of data.items) {
    const group = groups.get(promise.theme.slug) ?? {
      title: promise.theme.title,
      slug: promise.theme.slug,
      promises: [],
    };
    const spark = indicators.find((i) => i.sparkline_svg_url);
    group.promises.push({
      ...promise,
      tag: tagOf(promise.status),
      sparkline: spark ? { url: spark.sparkline_svg_url, title: spark.title } : null,
    });
    groups.set(promise.theme.slug, group);
  }
  const usedThemes = new Set(state.themes);
  const active = [
    ...state.statuses.map((s) => ({
      facet: 'Status',
      label: STATUSES.find((x) => x.value === s)?.label ?? s,
      removeHref: scorecardHref({ ...state, statuses: state.statuses.filter((x) => x !== s) }),
    })),
    ...state.themes.map((t) => ({
      facet: 'Theme',
      label: themes.find((x) => x.slug === t)?.title ?? t,
      removeHref: scorecardHref({ ...state, themes: state.themes.filter((x) => x !== t) }),
    })),
  ];
  return {
    termLine: termLine(data.term),
    total: data.total,
    shown: data.items.length,
    counts: STATUSES.map((s) => ({ ...s, count: data.counts[s.value] ?? 0 })),
    groups: [...groups.values()].sort((a, b) => a.title.localeCompare(b.title)),
    statusItems: STATUSES.map((s) => ({
      value: s.value,
      text: s.label,
      checked: state.statuses.includes(s.value),
    })),
    themeItems: themes.map((t) => ({
      value: t.slug,
      text: t.title,
      checked: usedThemes.has(t.slug),
    })),
    active,
  };
}
