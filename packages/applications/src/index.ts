/**
 * `@c8y/applications`: Cumulocity applications and microservices as a typed context.
 *
 * @example
 * ```ts
 * import { Applications } from '@c8y/applications';
 * const applications = new Applications(client);
 * for await (const app of applications.select({ type: 'MICROSERVICE' })) console.log(app.name);
 * ```
 * @packageDocumentation
 */
export { Applications, type ApplicationDeleteOptions, type ApplicationUploadOptions } from './applications.js';
export {
  applicationQuery,
  applicationsByName,
  applicationsByNameQuery,
  type ApplicationFilters,
  type ApplicationsByNameFilters,
} from './application-queries.js';
export { Application, ApplicationSubscription, type ApplicationInit, type ApplicationType } from '@c8y/model';
