import type { DatedValue } from './indicator.types.js';

const W = 120;
const H = 32;
const PAD = 3;

const esc = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A small line of the series as SVG, drawn by hand (no axes, no text to lay out), so a list of
 * many indicators costs a few microseconds each. The last point is marked.
 */
export function sparklineSvg(series: DatedValue[], title: string): string {
  const values = series.map((p) => p.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const x = (i: number) =>
    PAD + (series.length > 1 ? (i * (W - 2 * PAD)) / (series.length - 1) : 0);
  const y = (v: number) => H - PAD - ((v - min) * (H - 2 * PAD)) / span;
  const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const last = values.at(-1);
  const dot =
    last === undefined
      ? ''
      : `<circle cx="${x(values.length - 1).toFixed(1)}" cy="${y(last).toFixed(1)}" r="2.5" fill="#1d70b8"/>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img">` +
    `<title>${esc(title)}</title>` +
    (values.length > 0
      ? `<polyline fill="none" stroke="#0b0c0c" stroke-width="1.5" points="${points}"/>${dot}`
      : '') +
    '</svg>'
  );
}
