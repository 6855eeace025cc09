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
  errorFromResponse,
  isCumulocityError,
  parseRetryAfter,
} from './errors/index.js';
export type { CumulocityErrorKinds, CumulocityErrorOptions, HttpErrorDetails, RequestDescription } from './errors/index.js';

// Retry
export { decideRetry, defaultRetryPolicy, resolveRetryPolicy } from './retry/index.js';
export type { AttemptFailure, HttpMethod, RetryDecision, RetryOption, RetryPolicy, RetryState } from './retry/index.js';

// Resources
export { cumulocityMediaType, type ResourceDescriptor } from './resource/resource-descriptor.js';
