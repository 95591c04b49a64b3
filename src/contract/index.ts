// The API contract shared by the runner's server and the action's client.
export * from './api.js';
export { openApiDocument, type OpenApiOptions } from './openapi.js';
