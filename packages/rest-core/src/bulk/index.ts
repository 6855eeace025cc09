export { deleteByFilter, updateByFilter, type ByFilterOptions, type ByFilterResult } from './by-filter.js';
export { DEFAULT_CHUNK_SIZE, postInChunks, type Chunk, type PostInChunksOptions } from './post-in-chunks.js';
export { runBulk, type BulkContext, type BulkOptions, type BulkProgress } from './run-bulk.js';
export {
  applyToObjects,
  createBodies,
  createObjects,
  deleteObjects,
  updateObjects,
  type BodySource,
  type ObjectOperationOptions,
} from './object-operations.js';
