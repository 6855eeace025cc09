// JSON
export { isJsonObject, type JsonObject, type JsonValue } from './json/json-types.js';

// Client and transport
export {
  CumulocityRestClient,
  apiPath,
  assertHeader,
  contentDispositionFor,
  encodePathSegment,
  filenameFromContentDisposition,
  normalizeBaseUrl,
  resolveRequestUrl,
  toQueryString,
} from './client/index.js';
export type {
  CallOptions,
  Download,
  DownloadedBytes,
  FetchFunction,
  FileContent,
  MultipartUpload,
  ProcessingMode,
  QueryParams,
  QueryValue,
  RequestOptions,
  RequestOptionsWithBody,
  ResponseType,
  RestClient,
  RestClientOptions,
} from './client/index.js';

// Auth
export {
  BasicAuth,
  BearerAuth,
  CookieAuth,
  OaiSecureUnavailableError,
  authenticate,
  decodeJwtClaims,
  parseAuthorization,
} from './auth/index.js';
export type {
  AuthContext,
  AuthStrategy,
  AuthenticateOptions,
  BasicAuthOptions,
  BearerAuthOptions,
  CookieAuthOptions,
  IncomingHeaders,
  JwtClaims,
} from './auth/index.js';

// Errors
export {
  ConflictError,
  CumulocityError,
  ForbiddenError,
  HttpError,
  InvalidInputError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  ResponseFormatError,
  ServerError,
  TfaRequiredError,
  TimeoutError,
  UnauthorizedError,
  ValidationError,
  BulkError,
  errorFromResponse,
  isCumulocityError,
  parseRetryAfter,
} from './errors/index.js';
export type {
  BulkErrorDetails,
  BulkFailure,
  BulkSkipped,
  CumulocityErrorKinds,
  CumulocityErrorOptions,
  HttpErrorDetails,
  RequestDescription,
} from './errors/index.js';

// Retry
export { decideRetry, defaultRetryPolicy, resolveRetryPolicy } from './retry/index.js';
export type { AttemptFailure, HttpMethod, RetryDecision, RetryOption, RetryPolicy, RetryState } from './retry/index.js';

// Queries
export {
  buildQueryParams,
  DEFAULT_PAGE_SIZE,
  defineQuery,
  effectivePageSize,
  idOf,
  impliesOrdering,
  isODataBuilt,
  isReservedQueryKey,
  MAX_PAGE_SIZE,
  odata,
  odataConditions,
  ODataExpression,
  ODataQuery,
  parseIsoDateTime,
  parseRawQuery,
  RESERVED_QUERY_KEYS,
  splitReservedKeys,
  toDurationMs,
  toIsoDate,
  toIsoTime,
} from './query/index.js';
export type {
  CreatedRangeFilters,
  DateLike,
  DateRangeFilters,
  DateTimeLike,
  DurationLike,
  DurationObjectLike,
  IdLike,
  ODataCondition,
  ODataConditionContext,
  ODataDirection,
  ODataSpec,
  ODataValue,
  OrderFilters,
  PageSizeOptions,
  QueryDeclaration,
  QueryRecord,
  QueryScalar,
  QuerySpec,
  ReservedQueryKey,
  TimeLike,
  TimeRange,
  ToIsoDateOptions,
  UpdatedRangeFilters,
} from './query/index.js';

// Paging
export { compileAsValues, count, createPagedIterable, getAll, readCollectionReply, readNextLink, resolveResourcePath, select, streamPages } from './paging/index.js';
export type {
  AsValues,
  CollectionReply,
  CountOptions,
  FilterOptions,
  InlinePagingOptions,
  NextRequest,
  Page,
  PagedIterable,
  PagedResource,
  PageStatistics,
  PageStreamPlan,
  PagingOptions,
  PagingQuery,
  PathValue,
  SelectOptions,
  ValueOf,
  ValueSpec,
  ValuesOf,
} from './paging/index.js';

// Bulk
export {
  applyToObjects,
  createBodies,
  createObjects,
  DEFAULT_CHUNK_SIZE,
  deleteByFilter,
  deleteObjects,
  postInChunks,
  runBulk,
  updateByFilter,
  updateObjects,
} from './bulk/index.js';
export type {
  BodySource,
  BulkContext,
  BulkOptions,
  BulkProgress,
  ByFilterOptions,
  ByFilterResult,
  Chunk,
  ObjectOperationOptions,
  PostInChunksOptions,
} from './bulk/index.js';

// Resources: the typed resource API a context package declares
export {
  cumulocityMediaType,
  defineResourceApi,
  ResourceApi,
  ResourceOperations,
  type ChangeClass,
  type FilterEndpoint,
  type FilterQuery,
  type FiltersFor,
  type ItemClass,
  type ItemCollection,
  type NoOptionParams,
  type NoQueries,
  type OperationName,
  type OperationQueries,
  type OperationQueryTypes,
  type OptionParamsFor,
  type QueryOperation,
  type ResourceApiClass,
  type ResourceApiDefinition,
  type ResourceDefinition,
  type ResourceDescriptor,
} from './resource/index.js';
