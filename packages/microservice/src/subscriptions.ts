import { BasicAuth, ResponseFormatError, type RestClient } from '@c8y/rest-core';
import * as v from 'valibot';
import { abortable } from './abortable.js';
import type { CredentialDigest } from './credential-digest.js';

/** `GET /application/currentApplication/subscriptions` and its media type (OAS `getApplicationUserCollectionRepresentation`). */
export const subscriptionsPath = '/application/currentApplication/subscriptions';
export const subscriptionsMediaType = 'application/vnd.com.nsn.cumulocity.applicationusercollection+json';

/** A missing key is reported by its object schema, with the object's message: tell the two apart. */
const objectMessage = (issue: v.BaseIssue<unknown>) => (issue.input === undefined ? 'is missing' : 'must be an object');
const nonEmpty = v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'));
/** OAS `ApplicationUserCollection`: `{ users: [{ tenant, name, password }] }`; other fields are ignored. */
const replySchema = v.object(
  { users: v.array(v.object({ tenant: nonEmpty, name: nonEmpty, password: nonEmpty }, objectMessage), 'must be an array') },
  objectMessage,
);

/** One subscribed tenant: its service user's credentials and a digest that changes when they do. */
export interface SubscribedTenant {
  readonly tenantId: string;
  readonly auth: BasicAuth;
  /** Digest of the tenant, service user name and password: a new value means new credentials. */
  readonly fingerprint: string;
}

/** The subscriptions as one read returned them. `seq` numbers the reads in the order they started. */
export interface SubscriptionSnapshot {
  readonly seq: number;
  readonly tenants: ReadonlyMap<string, SubscribedTenant>;
}

/**
 * Reads the subscriptions with the bootstrap user's client and turns the reply into
 * per-tenant service user credentials. A reply of the wrong shape is a `ResponseFormatError`
 * whose message names the field (never a value: the reply holds passwords).
 */
export async function fetchSubscriptions(client: RestClient, digest: CredentialDigest, seq: number, signal?: AbortSignal): Promise<SubscriptionSnapshot> {
  const reply = await client.get(subscriptionsPath, { accept: subscriptionsMediaType, ...(signal === undefined ? {} : { signal }) });
  const where = { method: 'GET', url: `${client.baseUrl}${subscriptionsPath}` };
  const parsed = v.safeParse(replySchema, reply);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const field = issue === undefined ? undefined : v.getDotPath(issue);
    throw new ResponseFormatError(`${field ?? 'the reply'} ${issue?.message ?? 'is invalid'}`, where);
  }
  const tenants = new Map<string, SubscribedTenant>();
  for (const [index, user] of parsed.output.users.entries()) {
    if (tenants.has(user.tenant)) continue; // the first entry of a tenant counts
    let auth: BasicAuth;
    try {
      auth = new BasicAuth(`${user.tenant}/${user.name}`, user.password);
    } catch {
      throw new ResponseFormatError(`users.${index} is not a usable tenant, user name and password`, where);
    }
    tenants.set(user.tenant, { tenantId: user.tenant, auth, fingerprint: digest.of(`${user.tenant}\n${user.name}\n${user.password}`) });
  }
  return { seq, tenants };
}

/** Options of {@link Subscriptions}. */
export interface SubscriptionsOptions {
  client: RestClient;
  digest: CredentialDigest;
  ttlMs: number;
  /** Aborts every read (the app's `close()`). */
  signal: AbortSignal;
  /** Called with each new snapshot, before the readers get it. */
  onLoad: (snapshot: SubscriptionSnapshot) => void;
}

/**
 * The subscriptions cache: one read at a time (concurrent callers share it), a snapshot kept for
 * `ttlMs`, and reads "newer than" a point, so that a caller who found a tenant missing re-reads
 * at most once. Internal.
 */
export class Subscriptions {
  readonly #options: SubscriptionsOptions;
  #started = 0;
  #snapshot: { value: SubscriptionSnapshot; loadedAt: number } | undefined;
  #inFlight: { seq: number; promise: Promise<SubscriptionSnapshot> } | undefined;

  constructor(options: SubscriptionsOptions) {
    this.#options = options;
  }

  /** The sequence number of the last read started (0 before the first). */
  get started(): number {
    return this.#started;
  }

  /**
   * A snapshot: with `after`, from a read started after read number `after` (joining one in
   * flight, or starting one); without, the cached one while younger than the TTL.
   */
  read(options: { after?: number; signal?: AbortSignal } = {}): Promise<SubscriptionSnapshot> {
    const { after, signal } = options;
    const snapshot = this.#snapshot;
    if (after === undefined) {
      if (snapshot !== undefined && Date.now() - snapshot.loadedAt < this.#options.ttlMs) return Promise.resolve(snapshot.value);
      if (this.#inFlight !== undefined) return abortable(this.#inFlight.promise, signal);
    } else {
      if (this.#inFlight !== undefined && this.#inFlight.seq > after) return abortable(this.#inFlight.promise, signal);
      if (this.#inFlight === undefined && snapshot !== undefined && snapshot.value.seq > after) return Promise.resolve(snapshot.value);
    }
    return abortable(this.#load(), signal);
  }

  /** A snapshot from a read that is in flight now or starts now. */
  readFresh(signal?: AbortSignal): Promise<SubscriptionSnapshot> {
    return this.read({ after: this.#inFlight === undefined ? this.#started : this.#started - 1, ...(signal === undefined ? {} : { signal }) });
  }

  /** Forgets the snapshot (the credentials in it). */
  clear(): void {
    this.#snapshot = undefined;
  }

  #load(): Promise<SubscriptionSnapshot> {
    const seq = ++this.#started;
    const { client, digest, signal } = this.#options;
    const promise = fetchSubscriptions(client, digest, seq, signal).then(
      (value) => {
        if (this.#inFlight?.seq === seq) this.#inFlight = undefined;
        if (signal.aborted) throw signal.reason;
        if (this.#snapshot === undefined || this.#snapshot.value.seq < seq) {
          this.#snapshot = { value, loadedAt: Date.now() };
          this.#options.onLoad(value);
        }
        return value;
      },
      (error: unknown) => {
        if (this.#inFlight?.seq === seq) this.#inFlight = undefined;
        throw error;
      },
    );
    this.#inFlight = { seq, promise };
    // Readers may all have given up (aborted): the rejection is theirs, not an unhandled one.
    promise.catch(() => undefined);
    return promise;
  }
}
