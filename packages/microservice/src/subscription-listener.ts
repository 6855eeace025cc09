import { InvalidInputError, toDurationMs, type DurationLike } from '@c8y/rest-core';

const defaultPollIntervalMs = 60_000;
const maxTimerMs = 2_147_483_647;

/**
 * What a subscription listener calls, and how often it looks.
 *
 * @example
 * ```ts
 * const options: SubscriptionListenerOptions = {
 *   onSubscribed: async (tenantId) => console.log('welcome', tenantId),
 *   onUnsubscribed: (tenantId) => console.log('goodbye', tenantId),
 *   pollInterval: '30s',
 * };
 * ```
 */
export interface SubscriptionListenerOptions {
  /**
   * Called once per newly subscribed tenant — on the first poll, for every tenant subscribed at
   * that time. Awaited; when it throws (or rejects), `onError` gets the error and the tenant
   * counts as new again at the next poll.
   */
  onSubscribed?: (tenantId: string) => void | Promise<void>;
  /** Called once per tenant that is no longer subscribed. Awaited; a failure is retried at the next poll like `onSubscribed`. */
  onUnsubscribed?: (tenantId: string) => void | Promise<void>;
  /** Time between the end of one poll (callbacks included) and the next. @default '1m' */
  pollInterval?: DurationLike;
  /**
   * Gets what failed: a poll (`GET /application/currentApplication/subscriptions`) or a
   * callback. The listener keeps polling. @default logs the error with `console.error`
   */
  onError?: (error: unknown) => void;
}

/**
 * Polls the subscriptions and reports changes (`app.listen(…)` creates and starts one). The first
 * poll starts at once; later ones follow `pollInterval` after the previous one ended, so polls
 * never overlap. Its timer is `unref`ed: it never keeps a process alive. Callbacks run one at a
 * time, unsubscriptions first, in the order of the reply.
 *
 * @example
 * ```ts
 * const app = new MultiTenantCumulocityApp();
 * const listener = app.listen({ onSubscribed: (tenantId) => console.log('subscribed', tenantId) });
 * await listener.ready;          // the first poll and its callbacks are done
 * console.log(listener.tenants); // ['t100', 't200']
 * await listener.stop();
 * ```
 */
export interface SubscriptionListener {
  /** Resolves when the first poll and its callbacks are done (or failed: see `onError`). Never rejects. */
  readonly ready: Promise<void>;
  /** The tenants reported as subscribed so far (whose `onSubscribed` succeeded), in report order. */
  readonly tenants: readonly string[];
  /** False once `stop()` was called. */
  readonly running: boolean;
  /**
   * Stops polling: no timer is left, a poll in flight is aborted, and no further callback starts.
   * Resolves once a callback already running has finished — so do not await it from inside a
   * callback. Calling it again is harmless.
   */
  stop(): Promise<void>;
}

/** Reads the subscribed tenant ids (aborted by the signal when the listener stops). */
export type PollSubscribers = (signal: AbortSignal) => Promise<readonly string[]>;

/** Validates a poll interval: a positive duration a timer can hold. */
export function pollIntervalMs(value: DurationLike | undefined, path: string): number {
  if (value === undefined) return defaultPollIntervalMs;
  const ms = toDurationMs(value, path);
  if (ms <= 0) throw new InvalidInputError('must be longer than 0', { path });
  if (ms > maxTimerMs) throw new InvalidInputError(`must be at most ${maxTimerMs} ms (about 24.8 days)`, { path });
  return ms;
}

/** The listener behind `app.listen()`. Internal: the public type is {@link SubscriptionListener}. */
export class PollingSubscriptionListener implements SubscriptionListener {
  readonly ready: Promise<void>;
  readonly #poll: PollSubscribers;
  readonly #options: SubscriptionListenerOptions;
  readonly #intervalMs: number;
  readonly #onStop: () => void;
  readonly #known = new Set<string>();
  #stopped = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #controller: AbortController | undefined;
  #current: Promise<void>;

  constructor(poll: PollSubscribers, options: SubscriptionListenerOptions, onStop: () => void = () => undefined) {
    if (typeof options !== 'object' || options === null) throw new InvalidInputError('must be an object', { path: 'options' });
    for (const name of ['onSubscribed', 'onUnsubscribed', 'onError'] as const) {
      if (options[name] !== undefined && typeof options[name] !== 'function') throw new InvalidInputError('must be a function', { path: `options.${name}` });
    }
    this.#intervalMs = pollIntervalMs(options.pollInterval, 'options.pollInterval');
    this.#poll = poll;
    this.#options = { ...options };
    this.#onStop = onStop;
    this.#current = this.#run();
    this.ready = this.#current;
  }

  get tenants(): readonly string[] {
    return [...this.#known];
  }

  get running(): boolean {
    return !this.#stopped;
  }

  async stop(): Promise<void> {
    if (!this.#stopped) {
      this.#stopped = true;
      clearTimeout(this.#timer);
      this.#timer = undefined;
      this.#controller?.abort(new Error('the subscription listener was stopped'));
      this.#onStop();
    }
    await this.#current;
  }

  /** One poll and its callbacks, then the next timer. Never rejects. */
  async #run(): Promise<void> {
    this.#timer = undefined;
    if (this.#stopped) return;
    const controller = new AbortController();
    this.#controller = controller;
    try {
      const tenants = await this.#poll(controller.signal);
      if (!this.#stopped) await this.#apply(tenants);
    } catch (error) {
      if (!this.#stopped) this.#report(error);
    } finally {
      this.#controller = undefined;
    }
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#current = this.#run();
    }, this.#intervalMs);
    this.#timer.unref?.();
  }

  async #apply(tenants: readonly string[]): Promise<void> {
    const now = new Set(tenants);
    for (const tenantId of [...this.#known]) {
      if (now.has(tenantId)) continue;
      if (this.#stopped) return;
      if (await this.#call(this.#options.onUnsubscribed, tenantId)) this.#known.delete(tenantId);
    }
    for (const tenantId of now) {
      if (this.#known.has(tenantId)) continue;
      if (this.#stopped) return;
      if (await this.#call(this.#options.onSubscribed, tenantId)) this.#known.add(tenantId);
    }
  }

  /** Runs a callback; true when it succeeded (or there is none). */
  async #call(callback: ((tenantId: string) => void | Promise<void>) | undefined, tenantId: string): Promise<boolean> {
    if (callback === undefined) return true;
    try {
      await callback(tenantId);
      return true;
    } catch (error) {
      this.#report(error);
      return false;
    }
  }

  #report(error: unknown): void {
    try {
      if (this.#options.onError !== undefined) this.#options.onError(error);
      else console.error('@c8y/microservice: subscription listener:', error);
    } catch {
      // an onError that throws must not stop the listener
    }
  }
}
