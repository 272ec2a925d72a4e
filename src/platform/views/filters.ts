import MarkdownIt from 'markdown-it';

// Raw HTML in descriptions is shown as text, and markdown-it refuses javascript: and data: links.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: true });
markdown.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
  tokens[idx]?.attrJoin('class', 'govuk-link');
  return self.renderToken(tokens, idx, options);
};
for (const [tag, cls] of [
  ['paragraph_open', 'govuk-body'],
  ['bullet_list_open', 'govuk-list govuk-list--bullet'],
  ['ordered_list_open', 'govuk-list govuk-list--number'],
  ['heading_open', 'govuk-heading-s'],
] as const) {
  markdown.renderer.rules[tag] = (tokens, idx, options, _env, self) => {
    tokens[idx]?.attrJoin('class', cls);
    return self.renderToken(tokens, idx, options);
  };
}

/** Markdown to safe HTML with GOV.UK classes; headings start at h2 (the page has the h1). */
export function renderMarkdown(source: string | null | undefined): string {
  if (!source) return '';
  const tokens = markdown.parse(source, {});
  for (const token of tokens) {
    if (token.type === 'heading_open' || token.type === 'heading_close') {
      const level = Math.min(6, Math.max(2, Number(token.tag.slice(1)) + 1));
      token.tag = `h${String(level)}`;
    }
  }
  return markdown.renderer.render(tokens, markdown.options, {});
}

const numberFormat = new Intl.NumberFormat('en-GB');

export function formatNumber(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'bigint') return numberFormat.format(value);
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) {
    return numberFormat.format(Number(value));
  }
  return typeof value === 'string' ? value : '';
}

const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'];

export function formatBytes(value: unknown): string {
  const n = Number(value);
  if (value === null || value === undefined || !Number.isFinite(n)) return '';
  let size = n;
  let unit = 0;
  while (size >= 1000 && unit < UNITS.length - 1) {
    size /= 1000;
    unit += 1;
  }
  const shown = unit === 0 ? String(size) : size.toFixed(size < 10 ? 1 : 0);
  return `${shown} ${UNITS[unit] ?? ''}`;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
  timeZone: 'Europe/London',
});

/** GOV.UK style dates: "27 November 2026", or "27 November 2026 at 3:52pm". */
export function formatDate(value: unknown, withTime = false): string {
  if (value === null || value === undefined || value === '') return '';
  if (!(value instanceof Date) && typeof value !== 'string' && typeof value !== 'number') return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return typeof value === 'string' ? value : '';
  const day = dateFormat.format(date);
  return withTime ? `${day} at ${timeFormat.format(date).replace(' ', '')}` : day;
}
