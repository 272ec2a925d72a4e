// Discovery: what other people's tools read to find and fetch the region's data (Frictionless
// data packages, the sitemap and robots.txt, Atom feeds of datasets). Nothing depends on it.

export { registerDiscovery } from './discovery.plugin.js';
