import { rankedGroups } from '../../indicator-charts.js';
import type { IndicatorDetail, IndicatorSummary, SuggestedStatus } from '../../indicator.types.js';

export const STATUS_TEXT: Record<SuggestedStatus, { text: string; colour: string }> = {
  kept: { text: 'Target met', colour: 'green' },
  'in-the-works': { text: 'On track', colour: 'blue' },
  stalled: { text: 'Not on track', colour: 'orange' },
  'not-yet-rated': { text: 'Not yet rated', colour: 'grey' },
};

const DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
export const longDate = (iso: string) => DATE.format(new Date(`${iso}T00:00:00Z`));

/** A value with its unit, rounded for reading: "70.1%", "3,214 enrolments". */
export function withUnit(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined) return 'no data';
  const digits = Math.abs(value) >= 100 ? 0 : 1;
  const n = value.toLocaleString('en-GB', {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  });
  if (!unit) return n;
  return unit === '%' ? `${n}%` : `${n} ${unit}`;
}

export function changeText(d: IndicatorSummary): string | null {
  if (d.change === null) return null;
  const previous = d.series.at(-2);
  const sign = d.change > 0 ? 'up' : d.change < 0 ? 'down' : 'no change';
  const by = d.unit === '%' ? 'points' : d.unit;
  const amount = withUnit(Math.abs(d.change), '') + (by ? ` ${by}` : '');
  return d.change === 0
    ? `No change since ${longDate(previous?.date ?? '')}`
    : `${sign} ${amount} since ${longDate(previous?.date ?? '')}`;
}

/** The forecast in words, with what its uncertainty means. */
export function outlook(d: IndicatorDetail): string {
  const p = d.forecast.projected_at_target;
  const target = `${withUnit(d.target.value, d.unit)} by ${longDate(d.target.date)}`;
  if (d.forecast.on_track === null || d.latest === null) {
    return `There are too few values to forecast yet (a forecast needs at least three). The target is ${target}.`;
  }
  if (!p) {
    return `The target date has passed; the latest value, ${withUnit(d.latest.value, d.unit)}, ${d.forecast.on_track ? 'meets' : 'does not meet'} the target of ${target}.`;
  }
  const trend =
    `If the trend of the ${String(d.series.length)} values so far continues in a straight line, ` +
    `the value on ${longDate(p.date)} would be about ${withUnit(p.value, d.unit)}, ` +
    `against a target of ${target}.`;
  // A share forecast past 100% is cut there, and its range with it: no range to explain.
  if (p.lower === p.upper) return trend;
  return (
    `${trend} A single value then would fall between ${withUnit(p.lower, d.unit)} and ` +
    `${withUnit(p.upper, d.unit)} 19 times in 20 if the trend holds; a trend can change, so this ` +
    'range is the least uncertainty there is.'
  );
}

export function indicatorView(d: IndicatorDetail) {
  const path = d.url;
  const ranked = d.group_field ? rankedGroups(d, d.groups) : [];
  return {
    status: STATUS_TEXT[d.suggested_status],
    onTrackText:
      d.forecast.on_track === null ? null : d.forecast.on_track ? 'On track' : 'Not on track',
    latest: d.latest
      ? { text: withUnit(d.latest.value, d.unit), date: longDate(d.latest.date) }
      : null,
    change: changeText(d),
    baseline: { text: withUnit(d.baseline.value, d.unit), date: longDate(d.baseline.date) },
    target: { text: withUnit(d.target.value, d.unit), date: longDate(d.target.date) },
    progressPercent: d.progress === null ? null : Math.round(d.progress * 100),
    outlook: outlook(d),
    images: {
      chart: `${path}/chart.svg`,
      ranked: `${path}/ranked.svg`,
      map: `${path}/map.svg`,
      overTime: `${path}/over-time.svg`,
    },
    rows: [
      ...d.series.map((p) => ({
        date: longDate(p.date),
        value: withUnit(p.value, d.unit),
        range: '',
      })),
      ...d.forecast.points.map((p) => ({
        date: `${longDate(p.date)} (forecast)`,
        value: withUnit(p.value, d.unit),
        range: `${withUnit(p.lower, d.unit)} to ${withUnit(p.upper, d.unit)}`,
      })),
    ],
    ranked: ranked.map((r, i) => ({
      rank: i + 1,
      group: r.group,
      value: withUnit(r.value, d.unit),
      date: longDate(r.date),
    })),
  };
}
