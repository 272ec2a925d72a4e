// The chart page's enhancement: the server's chart image becomes an interactive Vega view
// (tooltips on hover) drawn from the same Vega-Lite spec. Vega runs with its expression
// interpreter, as the Content-Security-Policy forbids eval; its SVG renderer sets styles through
// the DOM (allowed), never style attributes. If anything fails, the image stays.
import { parse, View } from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import { compile, type TopLevelSpec } from 'vega-lite';

async function enhance(figure: HTMLElement): Promise<void> {
  const url = figure.dataset.chartSpec;
  const image = figure.querySelector('img');
  if (!url || !image) return;
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) return;
  const spec = (await response.json()) as TopLevelSpec;
  const container = document.createElement('div');
  container.className = 'app-chart__interactive';
  const view = new View(parse(compile(spec).spec, undefined, { ast: true }), {
    expr: expressionInterpreter,
    renderer: 'svg',
    container,
    hover: true,
  });
  await view.runAsync();
  // The image's text alternative names the data table; the drawn chart keeps it.
  container.setAttribute('role', 'img');
  container.setAttribute('aria-label', image.alt);
  image.replaceWith(container);
}

for (const figure of document.querySelectorAll<HTMLElement>('[data-chart-spec]')) {
  enhance(figure).catch((err: unknown) => {
    console.error('The interactive chart could not be drawn; the image stays.', err);
  });
}
