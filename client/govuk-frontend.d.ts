// govuk-frontend ships JavaScript without types; we only call initAll.
declare module 'govuk-frontend' {
  export function initAll(config?: Record<string, unknown>): void;
}
