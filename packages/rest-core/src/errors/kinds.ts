import type { OaiSecureUnavailableError } from '../auth/oai-secure-unavailable-error.js';
import type { BulkError } from './bulk-error.js';
import type { CumulocityError } from './cumulocity-error.js';
import type {
  ConflictError,
  ForbiddenError,
  HttpError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  TfaRequiredError,
  UnauthorizedError,
  ValidationError,
} from './http-errors.js';
import type { InvalidInputError } from './invalid-input-error.js';
import type { NetworkError } from './network-error.js';
import type { ResponseFormatError } from './response-format-error.js';
import type { TimeoutError } from './timeout-error.js';

/** Each error kind name with its class, for {@link isCumulocityError}. */
export interface CumulocityErrorKinds {
  CumulocityError: CumulocityError;
  HttpError: HttpError;
  UnauthorizedError: UnauthorizedError;
  TfaRequiredError: TfaRequiredError;
  ForbiddenError: ForbiddenError;
  NotFoundError: NotFoundError;
  ConflictError: ConflictError;
  ValidationError: ValidationError;
  RateLimitedError: RateLimitedError;
  ServerError: ServerError;
  NetworkError: NetworkError;
  TimeoutError: TimeoutError;
  ResponseFormatError: ResponseFormatError;
  InvalidInputError: InvalidInputError;
  BulkError: BulkError;
  OaiSecureUnavailableError: OaiSecureUnavailableError;
}
