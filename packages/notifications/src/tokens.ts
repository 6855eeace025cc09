import {
  decodeJwtClaims,
  InvalidInputError,
  isJsonObject,
  ResponseFormatError,
  type CallOptions,
  type JwtClaims,
  type RestClient,
} from '@c8y/rest-core';

const TOKEN_PATH = '/notification2/token';
const UNSUBSCRIBE_PATH = '/notification2/unsubscribe';
const JSON_TYPE = 'application/json';

/**
 * What `POST /notification2/token` is asked for (the OpenAPI spec's `NotificationTokenClaims`).
 *
 * @example
 * ```ts
 * const request: TokenRequest = { subscriber: 'worker1', subscription: 'deviceData', expiresInMinutes: 60, shared: true };
 * ```
 */
export interface TokenRequest {
  /** The name the consumer is known by (letters and digits); one subscriber reads each notification once. */
  subscriber: string;
  /** The name of an existing subscription. */
  subscription: string;
  /** How long the token is valid, in minutes (a positive integer). @default 1440 (platform) */
  expiresInMinutes?: number;
  /** `true`: the token opens a shared consumer (several connections share the subscriber's notifications). @default false */
  shared?: boolean;
  /** The subscription type; `notification` is the only one. @default 'notification' */
  type?: 'notification';
  /** `true`: the token reads the non-persistent variant of the subscription. @default false */
  nonPersistent?: boolean;
  /** `false`: the platform does not sign the token. @default true */
  signed?: boolean;
}

/**
 * The claims of a Notification 2.0 token: the JWT claims (`sub` is the subscriber, `exp` the
 * expiry) plus the ones the platform adds. Read without verifying the signature: for information,
 * never to trust a token someone handed you.
 *
 * @example
 * ```ts
 * const claims: NotificationTokenClaims | undefined = token.claims;
 * claims?.topic; // 't100/relnotif/deviceData'
 * ```
 */
export interface NotificationTokenClaims extends JwtClaims {
  /** `<tenant>/relnotif/<subscription>` on the platform. */
  readonly topic?: string;
  /** Whether the token opens a shared consumer. */
  readonly shared?: boolean;
  /** Whether the token reads the non-persistent variant. */
  readonly nonPersistent?: boolean;
  /** The subscription type. */
  readonly type?: string;
}

/**
 * A Notification 2.0 token (the reply of `POST /notification2/token`): the JWT, to open the
 * WebSocket consumer or to unsubscribe, with its claims readable. `String(token)` and
 * `JSON.stringify(token)` never show the JWT itself.
 *
 * @example
 * ```ts
 * const tokens = new Tokens(client);
 * const token = await tokens.create({ subscriber: 'worker1', subscription: 'deviceData' });
 * token.subscriber; // 'worker1'
 * token.expiresAt;  // a Date
 * ```
 */
export class NotificationToken {
  /** The JWT. */
  readonly token: string;
  /** Its claims, or `undefined` when the platform answered an opaque token. */
  readonly claims: NotificationTokenClaims | undefined;

  constructor(token: string) {
    if (typeof token !== 'string' || token === '') throw new InvalidInputError('must be a non-empty string', { path: 'token' });
    this.token = token;
    const claims = decodeJwtClaims(token);
    this.claims = claims === undefined ? undefined : (claims as NotificationTokenClaims);
  }

  /**
   * The subscriber's name (claim `sub`).
   * @example
   * ```ts
   * token.subscriber; // 'worker1'
   * ```
   */
  get subscriber(): string | undefined {
    return this.claims?.sub;
  }

  /**
   * The topic the token reads (claim `topic`, `<tenant>/relnotif/<subscription>`).
   * @example
   * ```ts
   * token.topic; // 't100/relnotif/deviceData'
   * ```
   */
  get topic(): string | undefined {
    const topic = this.claims?.topic;
    return typeof topic === 'string' ? topic : undefined;
  }

  /**
   * The subscription's name: the last segment of the topic.
   * @example
   * ```ts
   * token.subscription; // 'deviceData'
   * ```
   */
  get subscription(): string | undefined {
    return this.topic?.split('/').pop();
  }

  /**
   * Whether the token opens a shared consumer (claim `shared`), if the token says.
   * @example
   * ```ts
   * token.shared; // false
   * ```
   */
  get shared(): boolean | undefined {
    const shared = this.claims?.shared;
    return typeof shared === 'boolean' ? shared : undefined;
  }

  /**
   * Whether the token reads the non-persistent variant (claim `nonPersistent`), if the token says.
   * @example
   * ```ts
   * token.nonPersistent; // false
   * ```
   */
  get nonPersistent(): boolean | undefined {
    const value = this.claims?.nonPersistent;
    return typeof value === 'boolean' ? value : undefined;
  }

  /**
   * When the token expires (claim `exp`), if it says.
   * @example
   * ```ts
   * const expiresSoon = token.expiresAt !== undefined && token.expiresAt.getTime() - Date.now() < 60_000;
   * const current = expiresSoon ? await tokens.create({ subscriber: 'worker1', subscription: 'deviceData' }) : token;
   * ```
   */
  get expiresAt(): Date | undefined {
    const exp = this.claims?.exp;
    return exp === undefined ? undefined : new Date(exp * 1000);
  }

  /**
   * The claims without the JWT.
   * @example
   * ```ts
   * JSON.stringify(token); // '{"subscriber":"worker1","topic":"t100/relnotif/deviceData","expiresAt":"…"}'
   * ```
   */
  toJSON(): { subscriber?: string; topic?: string; expiresAt?: string } {
    const expiresAt = this.expiresAt;
    return {
      ...(this.subscriber === undefined ? {} : { subscriber: this.subscriber }),
      ...(this.topic === undefined ? {} : { topic: this.topic }),
      ...(expiresAt === undefined ? {} : { expiresAt: expiresAt.toISOString() }),
    };
  }

  /**
   * `NotificationToken(subscriber → topic)`, without the JWT.
   * @example
   * ```ts
   * String(token); // 'NotificationToken(worker1 → t100/relnotif/deviceData)'
   * ```
   */
  toString(): string {
    return `NotificationToken(${this.subscriber ?? '?'} → ${this.topic ?? '?'})`;
  }
}

/** A non-empty string, or an `InvalidInputError` naming `field`. */
function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new InvalidInputError(`must be a string, got ${value === null ? 'null' : typeof value}`, { path: field });
  if (value === '') throw new InvalidInputError('must not be empty', { path: field });
  return value;
}

const BOOLEANS = ['shared', 'nonPersistent', 'signed'] as const;
const KNOWN = new Set<string>(['subscriber', 'subscription', 'expiresInMinutes', 'type', ...BOOLEANS]);

/** The request body, checked field by field. */
function tokenBody(request: TokenRequest): Record<string, unknown> {
  if (!isJsonObject(request)) throw new InvalidInputError('must be an object with subscriber and subscription', { path: 'request' });
  const unknown = Object.keys(request).find((key) => !KNOWN.has(key));
  if (unknown !== undefined) throw new InvalidInputError('is not a field of a token request', { path: unknown });
  const body: Record<string, unknown> = { subscriber: requireText(request.subscriber, 'subscriber'), subscription: requireText(request.subscription, 'subscription') };
  const minutes = request.expiresInMinutes;
  if (minutes !== undefined) {
    if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes <= 0) throw new InvalidInputError('must be a positive integer', { path: 'expiresInMinutes' });
    body['expiresInMinutes'] = minutes;
  }
  if (request.type !== undefined) {
    if (request.type !== 'notification') throw new InvalidInputError("must be 'notification'", { path: 'type' });
    body['type'] = request.type;
  }
  for (const key of BOOLEANS) {
    const value = request[key];
    if (value === undefined) continue;
    if (typeof value !== 'boolean') throw new InvalidInputError('must be a boolean', { path: key });
    body[key] = value;
  }
  return body;
}

/**
 * Notification 2.0 tokens (`/notification2/token`, `/notification2/unsubscribe`): a token lets a
 * consumer read one subscription's notifications over a WebSocket; unsubscribing a token's
 * subscriber tells the platform it will never read again (its backlog is dropped).
 *
 * @example
 * ```ts
 * const tokens = new Tokens(client);
 * const token = await tokens.create({ subscriber: 'worker1', subscription: 'deviceData', expiresInMinutes: 60 });
 * await tokens.unsubscribe(token);
 * ```
 */
export class Tokens {
  /** The client every request goes through. */
  readonly client: RestClient;

  constructor(client: RestClient) {
    if (typeof client !== 'object' || client === null || typeof client.post !== 'function') {
      throw new InvalidInputError('expected a client (a CumulocityRestClient, or a CumulocityClient)', { path: 'client' });
    }
    this.client = client;
  }

  /**
   * A new token (`POST /notification2/token` with the request as `application/json`), its claims
   * readable. The subscription must exist (else the platform answers 422).
   *
   * @throws InvalidInputError for a missing subscriber or subscription, a field that is not
   *   documented, or a value of the wrong kind, before any request.
   * @example
   * ```ts
   * const token = await tokens.create({ subscriber: 'worker1', subscription: 'deviceData', expiresInMinutes: 60, shared: true });
   * token.expiresAt;
   * ```
   */
  async create(request: TokenRequest, options?: CallOptions): Promise<NotificationToken> {
    const body = tokenBody(request);
    const reply = await this.client.post(TOKEN_PATH, body, { ...options, contentType: JSON_TYPE, accept: JSON_TYPE });
    const token = isJsonObject(reply) ? reply['token'] : undefined;
    if (typeof token !== 'string' || token === '') {
      throw new ResponseFormatError('expected a JSON object with a token', { method: 'POST', url: `${this.client.baseUrl}${TOKEN_PATH}` });
    }
    return new NotificationToken(token);
  }

  /**
   * Unsubscribes the token's subscriber from its subscription
   * (`POST /notification2/unsubscribe?token=…`, no body): notifications kept for it are dropped.
   * Resolves `DONE`, or `SCHEDULED` when the platform finishes later.
   *
   * @throws InvalidInputError for an empty token, or a `token` in `options.params`, before any request.
   * @example
   * ```ts
   * await tokens.unsubscribe(token); // 'DONE'
   * ```
   */
  async unsubscribe(token: NotificationToken | string, options?: CallOptions): Promise<'DONE' | 'SCHEDULED'> {
    const jwt = requireText(token instanceof NotificationToken ? token.token : token, 'token');
    if (options?.params !== undefined && Object.hasOwn(options.params, 'token')) {
      throw new InvalidInputError('is set both as the argument and in options.params', { path: 'params.token' });
    }
    const reply = await this.client.post(UNSUBSCRIBE_PATH, undefined, { ...options, params: { ...options?.params, token: jwt }, accept: JSON_TYPE });
    const result = isJsonObject(reply) ? reply['result'] : undefined;
    if (result !== 'DONE' && result !== 'SCHEDULED') {
      throw new ResponseFormatError('expected {"result": "DONE" | "SCHEDULED"}', { method: 'POST', url: `${this.client.baseUrl}${UNSUBSCRIBE_PATH}` });
    }
    return result;
  }
}
