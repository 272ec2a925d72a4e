import type { Field } from '../../field.js';
import { cellText } from '../table/table.view.js';
import type { ChartData } from './chart-data.js';
import {
  CHART_AGGREGATES,
  CHART_BUCKETS,
  CHART_TYPES,
  chartParams,
} from '../../charts/chart-params.js';
import { chartAlt, chartTitle, measureTitle, xTitle } from '../../charts/chart-spec.js';

const items = (entries: [string, string][], selected: string) =>
  entries.map(([value, text]) => ({ value, text, selected: value === selected }));

/** The chart page's form choices, image and download links, and the data as a table. */
export function chartView(path: string, baseUrl: string, fields: Field[], data: ChartData) {
  const { state } = data;
  const usable = fields.filter((f) => !f.geometry);
  const names = (list: Field[]) =>
    list.map((f): [string, string] => [f.name, `${f.name} (${f.type})`]);
  const numbers = usable.filter((f) => f.type === 'integer' || f.type === 'decimal');
  const params = chartParams(state);
  const xType = fields.find((f) => f.name === state.x)?.type ?? 'text';
  return {
    state,
    chartPath: path,
    errors: data.errors.map(({ text, href }) => ({ text, href })),
    errorFor: Object.fromEntries(data.errors.map((e) => [e.href.slice(1), e.text])),
    choices: {
      type: items(Object.entries(CHART_TYPES), state.type),
      x: items([['', 'Choose a field'], ...names(usable)], state.x),
      bucket: items(Object.entries(CHART_BUCKETS), state.bucket),
      agg: items(Object.entries(CHART_AGGREGATES), state.agg),
      y: items([['', 'None (count rows)'], ...names(numbers)], state.y),
      group: items(
        [['', 'None'], ...names(usable.filter((f) => f.type === 'text' || f.type === 'boolean'))],
        state.group,
      ),
    },
    chart: data.spec
      ? {
          title: chartTitle(state),
          alt: chartAlt(state, data.points.length),
          svg: `${path}.svg?${params}`,
          png: `${path}.png?${params}`,
          spec: `${path}.vl.json?${params}`,
          share: `${baseUrl}${path}?${params}`,
          truncated: data.total > data.points.length ? data.total : null,
          headings: [xTitle(state), ...(state.group ? [state.group] : []), measureTitle(state)],
          rows: data.points.map((p) => [
            { text: cellText(p.x, state.bucket ? 'date' : xType), numeric: false },
            ...(state.group ? [{ text: cellText(p.g, 'text'), numeric: false }] : []),
            { text: cellText(p.y, 'decimal'), numeric: true },
          ]),
        }
      : null,
  };
}
