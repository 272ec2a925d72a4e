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
    dd.textContent =
      value === null || value === undefined
        ? ''
        : typeof value === 'string'
          ? value
          : JSON.stringify(value);
    row.append(dt, dd);
    list.append(row);
  }
  return list;
}
