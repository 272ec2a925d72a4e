// The publisher area's home page, which gathers what the other features offer a publisher.
// Nothing depends on this feature.

export { registerPublishPages } from './publish.pages.js';
