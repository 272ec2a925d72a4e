// A row's fields as a popup, built with DOM APIs and textContent: the data is never parsed as
// HTML.
export function popupContent(properties: Record<string, unknown> | null): HTMLElement {
  const list = document.createElement('dl');
  list.className = 'govuk-summary-list govuk-summary-list--no-border app-map-popup';
  for (const [key, value] of Object.entries(properties ?? {})) {
    if (key === '_id') continue;
    const row = document.createElement('div');
    row.className = 'govuk-summary-list__row';
    const dt = document.createElement('dt');
    dt.className = 'govuk-summary-list__key';
    dt.textContent = key;
    const dd = document.createElement('dd');
    dd.className = 'govuk-summary-list__value';
    // Numbers and booleans as JSON read as they should; objects are geometries or lists.
    const text =
      value === null || value === undefined
        ? ''
        : typeof value === 'string'
          ? value
          : JSON.stringify(value);
    // A `url` (a report's page) is a link, for web addresses only (never javascript:).
    if (key === 'url' && /^https?:\/\//i.test(text)) {
      const link = document.createElement('a');
      link.className = 'govuk-link';
      link.href = text;
      link.textContent = text;
      dd.append(link);
    } else {
      dd.textContent = text;
    }
    row.append(dt, dd);
    list.append(row);
  }
  return list;
}
