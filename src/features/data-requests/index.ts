// Data requests offer the others only what is exported here: the plugin, the ports app.ts
// hands to the catalogue, the organisations and the quality scores, and the writes the demo seeds with.

export { registerDataRequests } from './data-requests.plugin.js';
export { datasetAnswers, organisationRequests } from './request-ports.js';
export { bodyResponsiveness } from './body-responsiveness.js';
export { createRequest, listRequests } from './data-request.service.js';
export { changeRequestStatus } from './request-answer.service.js';
export { commentOnRequest, supportRequest } from './request-voice.service.js';
export { derivedId, importRequests, type ImportedRequest } from './request-import.service.js';
