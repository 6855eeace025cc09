export { ManagedObject } from './objects/managed-object.js';
