// What every page says of itself: its title (`pageTitle`), the item of the service navigation
// it is under (`section`), and the trail of breadcrumbs to it.

/** A link of GOV.UK Frontend's breadcrumbs. */
export interface Crumb {
  text: string;
  href: string;
}

// Where every trail starts: the public site's home page, or the publishers' home.
export const HOME: Crumb = { text: 'Home', href: '/' };
export const PUBLISH: Crumb = { text: 'Publish', href: '/publish' };

export interface PageHead {
  pageTitle: string;
  section: string;
  breadcrumbs: Crumb[];
}

/** A page the service navigation leads to (Themes, Publishers, Indicators): under Home. */
export const sectionPage = (pageTitle: string, section: string): PageHead => ({
  pageTitle,
  section,
  breadcrumbs: [HOME],
});

/** A page a publisher reaches from their home (their indicators, promises): under Publish. */
export const publishPage = (pageTitle: string): PageHead => ({
  pageTitle,
  section: 'publish',
  breadcrumbs: [PUBLISH],
});
