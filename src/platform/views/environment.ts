import path from 'node:path';
import nunjucks from 'nunjucks';
import { formatBytes, formatDate, formatNumber, renderMarkdown } from './filters.js';
import { govukFrontendDir, templateRoot } from './paths.js';
import { safeHref } from './safe-href.js';

/**
 * One Nunjucks environment: our templates by path from src/ ("features/catalog/pages/...",
 * "platform/views/layouts/base.njk") and GOV.UK Frontend's as "govuk/...". Autoescaping is on;
 * only `markdown` output (sanitised) is marked safe.
 */
export function createViewEnvironment(options: { watch?: boolean } = {}): nunjucks.Environment {
  const loader = new nunjucks.FileSystemLoader(
    [templateRoot, path.join(templateRoot, 'platform', 'views'), govukFrontendDir],
    { noCache: options.watch === true },
  );
  const env = new nunjucks.Environment(loader, {
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
  env.addFilter(
    'markdown',
    (source: string | null | undefined) => new nunjucks.runtime.SafeString(renderMarkdown(source)),
  );
  env.addFilter('number', formatNumber);
  env.addFilter('bytes', formatBytes);
  env.addFilter('date', (value: unknown) => formatDate(value));
  env.addFilter('datetime', (value: unknown) => formatDate(value, true));
  env.addFilter('json', (value: unknown) => JSON.stringify(value, null, 2));
  env.addFilter('safeHref', safeHref);
  return env;
}
