/**
 * @c8y/emulator: an in-memory, Cumulocity-compatible REST server for tests, demos and benchmarks.
 * @packageDocumentation
 */
export { startEmulator } from './emulator.js';
export type { Emulator, EmulatorOptions, FaultControl } from './emulator.js';

export { defineArea } from './areas/types.js';
export type { Area, AreaApi } from './areas/types.js';
export { builtinAreas } from './areas/index.js';
export { findManagedObject, linkManagedObjects, seedManagedObjects, type ManagedObjectData, type SeedManagedObject } from './areas/inventory.js';

export type { AuthMode, BootstrapKind, Handler, HttpMethod, RouteDefinition, RouteOptions } from './server/route.js';
export { RequestContext } from './server/context.js';
export type { PageOptions } from './server/context.js';
export type { EmulatorServices, RestrictedPagingSettings } from './server/services.js';
export { C8yHttpError, ERROR_INFO, errors } from './server/errors.js';
export type { C8yErrorBody } from './server/errors.js';
export { emptyReply, errorReply, jsonReply, rawReply, resolveMediaType } from './server/reply.js';
export type { Reply, ReplyHeaders } from './server/reply.js';
export { RequestBody } from './server/body.js';
export type { BodyKind } from './server/body.js';
export { jsonDocumentProblem, MAX_JSON_DEPTH, parseJsonDocument } from './server/json-document.js';
export { binaryUpload, multipartBoundary, parseMultipart } from './server/multipart.js';
export type { BinaryUpload, MultipartPart } from './server/multipart.js';
export { c8yMediaType, cumulocityTypeOf, ERROR_MEDIA_TYPE, isJsonMediaType, parseAccept, parseMediaType } from './server/media-types.js';
export type { MediaType } from './server/media-types.js';
export { QueryParams } from './server/query.js';
export { Router, splitPath } from './server/router.js';
export type { RouteMatch } from './server/router.js';

export { paginate, parsePageRequest } from './paging/paging.js';
export type {
  CollectionEnvelope,
  NextLinkPolicy,
  PageProvider,
  PageRequest,
  PageSource,
  PageStatistics,
  PagingInput,
  PagingLimits,
  RestrictedScan,
} from './paging/paging.js';

export { authenticate, hasCredentials, readCookie } from './auth/authenticate.js';
export type { AuthScheme, Principal } from './auth/authenticate.js';
export { DEFAULT_DEVICE_BOOTSTRAP, DEFAULT_TENANTS, Tenant, TenantRegistry } from './auth/tenants.js';
export type { TenantSeed } from './auth/tenants.js';
export { User } from './auth/users.js';
export type { UserKind, UserSeed } from './auth/users.js';
export { ALL_ROLES, ROLE_DEVICE, ROLE_DEVICE_BOOTSTRAP, ROLE_SYSTEM } from './auth/roles.js';
export { TokenIssuer } from './auth/token.js';
export type { IssuedToken, TokenClaims } from './auth/token.js';

export { FaultInjector } from './faults/faults.js';
export type { DelayFault, DropFault, ErrorFault, FaultHandle, FaultMatch, FaultRule, RateLimitFault, SlowBodyFault } from './faults/faults.js';
export { Latency } from './faults/latency.js';
export type { LatencySpec } from './faults/latency.js';
export { createRequestLog, pickHeaders } from './log/request-log.js';
export type { LoggedHeaders, LoggedRequest, RequestLog } from './log/request-log.js';

export { createClock, isoTimestamp } from './util/clock.js';
export type { Clock } from './util/clock.js';
export { IdGenerator } from './util/ids.js';
export { hashSeed, mulberry32 } from './util/random.js';
export type { Random } from './util/random.js';

export { passwordResetToken, registerMicroservice, totp, type RegisteredMicroservice, type RegisterMicroserviceOptions } from './areas/accounts/index.js';
export { seedMeasurements, type SeedMeasurement } from './areas/measurements.js';
