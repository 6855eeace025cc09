import * as v from 'valibot';
import { InvalidInputError } from '../errors/invalid-input-error.js';
import type { RequestOptions, RestClientOptions } from './options.js';

const millisecondsMessage = 'must be false or a positive number of milliseconds';
const milliseconds = v.union(
  [
    v.literal(false),
    v.pipe(
      v.number(),
      v.finite(millisecondsMessage),
      v.minValue(1, millisecondsMessage),
      v.maxValue(2_147_483_647, 'must be at most 2147483647 ms (about 24.8 days)'),
    ),
  ],
  millisecondsMessage,
);
const bytesMessage = 'must be false or a positive whole number of bytes';
const bytes = v.union([v.literal(false), v.pipe(v.number(), v.integer(bytesMessage), v.minValue(1, bytesMessage), v.maxValue(Number.MAX_SAFE_INTEGER, bytesMessage))], bytesMessage);
const count = (min: number) => v.pipe(v.number(), v.integer('must be an integer'), v.minValue(min, `must be at least ${min}`));
const delay = v.pipe(v.number(), v.finite(), v.minValue(0, 'must not be negative'));

const retrySchema = v.union(
  [
    v.literal(false),
    count(0),
    v.strictObject({
      limit: v.optional(count(0)),
      statusCodes: v.optional(v.array(v.pipe(v.number(), v.integer(), v.minValue(400), v.maxValue(599)))),
      baseDelayMs: v.optional(delay),
      maxDelayMs: v.optional(delay),
      maxRetryAfterMs: v.optional(delay),
      retryTimeoutMs: v.optional(delay),
      jitter: v.optional(v.boolean()),
      retryNonIdempotent: v.optional(v.boolean()),
    }),
  ],
  'must be false, a retry count, or a retry policy object',
);

const headerRecord = v.record(v.string(), v.string('header values must be strings'));
const processingMode = v.picklist(['PERSISTENT', 'TRANSIENT', 'QUIESCENT', 'CEP'], 'must be PERSISTENT, TRANSIENT, QUIESCENT or CEP');

const isAuthStrategy = (value: unknown) =>
  typeof value === 'object' && value !== null && typeof (value as { authorize?: unknown }).authorize === 'function';

const perCall = {
  timeout: v.optional(milliseconds),
  totalTimeout: v.optional(milliseconds),
  retry: v.optional(retrySchema),
  processingMode: v.optional(processingMode),
  headers: v.optional(headerRecord),
  maxResponseBytes: v.optional(bytes),
};

const clientOptionsSchema = v.object({
  ...perCall,
  baseUrl: v.string('is required: the tenant URL, e.g. https://mytenant.cumulocity.com'),
  auth: v.custom(isAuthStrategy, 'is required: an auth strategy such as new BasicAuth(user, password)'),
  tenantId: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_.-]+$/, 'must be a tenant id such as t12345'))),
  applicationKey: v.optional(v.pipe(v.string(), v.nonEmpty('must not be empty'))),
  maxConcurrent: v.optional(count(1)),
  fetch: v.optional(v.custom((value) => typeof value === 'function', 'must be a fetch function')),
});

const requestOptionsSchema = v.object({
  ...perCall,
  signal: v.optional(v.custom((value) => value instanceof AbortSignal, 'must be an AbortSignal')),
  responseType: v.optional(v.picklist(['json', 'text', 'bytes', 'stream', 'response'])),
});

function check(schema: v.GenericSchema, input: unknown, root: string): void {
  const result = v.safeParse(schema, input);
  if (result.success) return;
  const issue = result.issues[0];
  const dotPath = v.getDotPath(issue);
  throw new InvalidInputError(issue.message, { path: dotPath ? `${root}.${dotPath}` : root });
}

/** Throws an `InvalidInputError` naming the first bad client option. */
export function validateClientOptions(options: RestClientOptions): void {
  if (typeof options !== 'object' || options === null) throw new InvalidInputError('client options are required', { path: 'options' });
  check(clientOptionsSchema, options, 'options');
}

/** Throws an `InvalidInputError` naming the first bad per-call option. */
export function validateRequestOptions(options: RequestOptions): void {
  check(requestOptionsSchema, options, 'options');
}
