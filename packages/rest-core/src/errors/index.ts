export { CumulocityError, type CumulocityErrorOptions, type RequestDescription } from './cumulocity-error.js';
export {
  ConflictError,
  ForbiddenError,
  HttpError,
  type HttpErrorDetails,
  NotFoundError,
  RateLimitedError,
  ServerError,
  TfaRequiredError,
  UnauthorizedError,
  ValidationError,
} from './http-errors.js';
export { NetworkError } from './network-error.js';
export { TimeoutError } from './timeout-error.js';
export { ResponseFormatError } from './response-format-error.js';
export { InvalidInputError } from './invalid-input-error.js';
export { BulkError, type BulkErrorDetails, type BulkFailure, type BulkSkipped } from './bulk-error.js';
export { errorFromResponse, parseRetryAfter } from './error-from-response.js';
export { isCumulocityError } from './is-cumulocity-error.js';
export type { CumulocityErrorKinds } from './kinds.js';
