import type { PublicShowcase } from '../showcase.view.js';

/** A showcase for a page: its image at a path on this site (the API gives full addresses). */
export function pageShowcase(s: PublicShowcase) {
  return {
    ...s,
    image: s.image ? { ...s.image, path: new URL(s.image.url).pathname } : null,
  };
}
