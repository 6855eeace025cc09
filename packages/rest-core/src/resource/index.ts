export { cumulocityMediaType, type ResourceDescriptor } from './resource-descriptor.js';
export type { ChangeClass, ItemClass } from './item-class.js';
export type { FiltersFor, NoOptionParams, OperationQueries, OperationQueryTypes, OptionParamsFor, QueryOperation } from './operation-queries.js';
export { ResourceOperations, type FilterEndpoint, type FilterQuery, type ItemCollection, type NoQueries, type ResourceDefinition } from './resource-operations.js';
export { defineResourceApi, ResourceApi, type OperationName, type ResourceApiClass, type ResourceApiDefinition } from './resource-api.js';
