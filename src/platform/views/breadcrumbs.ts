/** A link of GOV.UK Frontend's breadcrumbs. */
export interface Crumb {
  text: string;
  href: string;
}

// Where every trail starts: the public site's home page, or the publishers' home.
export const HOME: Crumb = { text: 'Home', href: '/' };
export const PUBLISH: Crumb = { text: 'Publish', href: '/publish' };
