export { cumulocityMediaType, type ResourceDescriptor } from './resource-descriptor.js';
export type { ItemClass } from './item-class.js';
export { ResourceOperations, type FilterEndpoint, type FilterQuery, type ItemCollection, type ResourceDefinition } from './resource-operations.js';
export { defineResourceApi, ResourceApi, type OperationName, type ResourceApiClass, type ResourceApiDefinition } from './resource-api.js';
