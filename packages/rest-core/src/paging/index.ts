export {
  compileAsValues,
  type AsValues,
  type PathValue,
  type ValueOf,
  type ValueSpec,
  type ValuesOf,
} from './as-values.js';
export { readCollectionReply, type CollectionReply } from './envelope.js';
export { readNextLink, type NextRequest } from './next-link.js';
export { streamPages, type PageStreamPlan } from './page-stream.js';
export { resolveResourcePath } from './resource-path.js';
export { count, createPagedIterable, getAll, select } from './select.js';
export type {
  CountOptions,
  FilterOptions,
  InlinePagingOptions,
  JsonObject,
  Page,
  PagedIterable,
  PagedResource,
  PageStatistics,
  PagingOptions,
  PagingQuery,
  SelectOptions,
} from './types.js';
