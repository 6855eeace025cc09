import process from 'node:process';
import { BearerAuth, CumulocityError, InvalidInputError, isCumulocityError, normalizeBaseUrl, type RestClientOptions } from '@c8y/rest-core';
import { CumulocityClient } from '../cumulocity-client.js';
import { cacheClient, cachedClient, clientKey } from './client-cache.js';
import { login } from './login.js';
import type { Prompter } from './prompter.js';
import type { TextInput, TextOutput } from './streams.js';
import { usableToken } from './token.js';

/**
 * Options of {@link getClient}. Each connection value comes from here first, then from the
 * environment, then from a prompt on a terminal. The other options are those of
 * `CumulocityClient` (`retry`, `maxConcurrent`, `applicationKey`, `fetch`, …) and apply to a new
 * client (a cached one is returned as it is).
 *
 * @example
 * ```ts
 * const options: GetClientOptions = { baseUrl: 'mytenant.cumulocity.com', username: 'admin', maxConcurrent: 20 };
 * ```
 */
export interface GetClientOptions extends Omit<RestClientOptions, 'baseUrl' | 'auth' | 'tenantId'> {
  /** The tenant URL; `https://` is added when no scheme is given. @default env `C8Y_BASEURL`, else asked */
  baseUrl?: string;
  /** The tenant id. @default env `C8Y_TENANT`, else the token's `ten` claim or the login's tenant, else `GET /tenant/currentTenant` */
  tenantId?: string;
  /** The user name (`admin` or `t100/admin`). @default env `C8Y_USER`, else asked */
  username?: string;
  /** The password. @default env `C8Y_PASSWORD` (only with the `C8Y_USER` it belongs to), else asked without echo */
  password?: string;
  /** An access token (JWT) used instead of a password. @default env `C8Y_TOKEN` unless `username` or `password` is given here */
  token?: string;
  /** A TFA code for the first login attempt; otherwise asked when the login needs one. */
  tfaCode?: string;
  /** The environment to read. @default process.env */
  env?: Readonly<Record<string, string | undefined>>;
  /** Where answers are read. @default process.stdin */
  stdin?: TextInput;
  /** Where questions are written. @default process.stdout */
  stdout?: TextOutput;
  /** Where notes go (a discarded token, a wrong password). Never a secret. @default process.stderr */
  stderr?: TextOutput;
  /** Whether questions may be asked. @default `stdin.isTTY && stdout.isTTY` */
  isTTY?: boolean;
  /** Return the cached client for the same (base URL, tenant, user), and cache a new one. @default true */
  cache?: boolean;
  /** Aborts the login and any question waiting for an answer (rejecting with the signal's reason). */
  signal?: AbortSignal;
}

/** A connected client and its tenant id. */
interface Connected {
  client: CumulocityClient;
  tenantId: string;
}

/** How many times a wrong password or TFA code is asked again on a terminal. */
const MAX_ATTEMPTS = 3;

const connectionKeys = [
  'baseUrl',
  'tenantId',
  'username',
  'password',
  'token',
  'tfaCode',
  'env',
  'stdin',
  'stdout',
  'stderr',
  'isTTY',
  'cache',
  'signal',
] as const satisfies ReadonlyArray<keyof GetClientOptions>;

/**
 * A ready, connected {@link CumulocityClient} — the quickest way to a tenant from a script or the
 * REPL. Node.js only.
 *
 * Each value is taken from `options`, else from the environment (`C8Y_BASEURL`, `C8Y_TENANT`,
 * `C8Y_USER`, `C8Y_PASSWORD`, `C8Y_TOKEN`), else asked on the terminal (base URL, tenant, user,
 * hidden password, and a TFA code when the login asks for one; a wrong password is asked again, up
 * to 3 times). Without a terminal a missing value is an `InvalidInputError` naming the variable.
 *
 * - A token (`options.token`, else `C8Y_TOKEN` when no user or password is given in `options`) is
 *   used as Bearer auth — unless it has expired or expires within a minute: then a note goes to
 *   stderr and the user and password are used.
 * - A password logs in with OAI-Secure (`POST /tenant/oauth`, the token becomes Bearer auth);
 *   a tenant without OAI-Secure gets Basic auth, checked with `GET /tenant/currentTenant`.
 * - The tenant id, when not given, comes from the credentials or `GET /tenant/currentTenant`.
 * - Clients are cached per (base URL, tenant, user): the same call twice returns the same client
 *   (no second login or prompt); different users never share one. `cache: false` skips the cache.
 *
 * @example
 * ```ts
 * import { getClient } from '@c8y/sdk';
 * const c8y = await getClient();                        // from C8Y_* variables, or asks
 * const other = await getClient({ baseUrl: 'tenant2.cumulocity.com', username: 'admin' });  // asks for the password
 * console.log(await c8y.getTenantId(), other.baseUrl);
 * ```
 */
export async function getClient(options: GetClientOptions = {}): Promise<CumulocityClient> {
  const session = new Session(options);
  const { signal } = options;
  signal?.throwIfAborted();
  const abort = () => session.cancel(signal?.reason);
  signal?.addEventListener('abort', abort, { once: true });
  try {
    return await session.connect();
  } finally {
    signal?.removeEventListener('abort', abort);
    session.close();
  }
}

/** One `getClient` call: where values come from, and the terminal when one is needed. */
class Session {
  readonly #options: GetClientOptions;
  readonly #env: Readonly<Record<string, string | undefined>>;
  readonly #stderr: TextOutput;
  readonly #interactive: boolean;
  readonly #clientOptions: Omit<RestClientOptions, 'baseUrl' | 'auth' | 'tenantId'>;
  #prompter: Prompter | undefined;
  #aborted: Error | undefined;

  constructor(options: GetClientOptions) {
    if (typeof options !== 'object' || options === null) throw new InvalidInputError('must be an object', { path: 'options' });
    this.#options = options;
    this.#env = options.env ?? process.env;
    this.#stderr = options.stderr ?? process.stderr;
    const stdin = options.stdin ?? process.stdin;
    const stdout = options.stdout ?? process.stdout;
    this.#interactive = options.isTTY ?? (isTerminal(stdin) && isTerminal(stdout));
    const clientOptions: Record<string, unknown> = { ...options };
    for (const key of connectionKeys) delete clientOptions[key];
    this.#clientOptions = clientOptions as Omit<RestClientOptions, 'baseUrl' | 'auth' | 'tenantId'>;
  }

  async connect(): Promise<CumulocityClient> {
    const options = this.#options;
    const baseUrl = await this.#baseUrl();
    const tokenFromOptions = options.token !== undefined;
    const envToken = options.username === undefined && options.password === undefined ? this.#env['C8Y_TOKEN'] : undefined;
    const token = options.token ?? (envToken === '' ? undefined : envToken);
    if (token !== undefined) {
      const claims = usableToken(token, tokenFromOptions ? 'options.token' : 'C8Y_TOKEN', this.#stderr);
      if (claims !== undefined) {
        const tenantId = options.tenantId ?? claims.ten ?? this.#value('C8Y_TENANT');
        return this.#cached(baseUrl, tenantId, claims.sub, () => this.#withToken(baseUrl, tenantId, token));
      }
    }

    // The tenant is asked together with the user (both missing); a `t100/admin` user names it.
    const givenUser = options.username ?? this.#value('C8Y_USER');
    let tenantId = options.tenantId ?? tenantOf(givenUser) ?? this.#value('C8Y_TENANT');
    if (tenantId === undefined && givenUser === undefined && this.#interactive) tenantId = await this.#optional('Tenant id (empty: look it up): ');
    const rawUser = givenUser ?? (await this.#required('username', 'C8Y_USER', 'User name: '));
    tenantId ??= tenantOf(rawUser);
    const user = rawUser.slice(rawUser.indexOf('/') + 1);
    return this.#cached(baseUrl, tenantId, user, () => this.#withPassword(baseUrl, tenantId, rawUser));
  }

  close(): void {
    this.#prompter?.close();
    this.#prompter = undefined;
  }

  /** An abort: a pending question rejects with the signal's reason. */
  cancel(reason: unknown): void {
    this.#aborted = reason instanceof Error ? reason : new CumulocityError('aborted');
    this.#prompter?.cancel(this.#aborted);
  }

  /** The cached client for the key, or a new one from `connect` (cached unless `cache: false`). */
  async #cached(baseUrl: string, tenantId: string | undefined, user: string | undefined, connect: () => Promise<Connected>): Promise<CumulocityClient> {
    if (this.#options.cache === false || user === undefined) return (await connect()).client;
    const key = clientKey(baseUrl, tenantId, user);
    const hit = cachedClient(key);
    if (hit !== undefined) return hit;
    let resolvedKey: string | undefined;
    const pending = connect().then(({ client, tenantId: resolved }) => {
      resolvedKey = clientKey(baseUrl, resolved, user);
      return client;
    });
    return cacheClient([key], pending, () => resolvedKey);
  }

  async #withToken(baseUrl: string, tenantId: string | undefined, token: string): Promise<Connected> {
    const client = new CumulocityClient({ ...this.#clientOptions, baseUrl, auth: new BearerAuth(token), ...(tenantId === undefined ? {} : { tenantId }) });
    return { client, tenantId: tenantId ?? (await client.getTenantId(this.#signal())) };
  }

  async #withPassword(baseUrl: string, tenantId: string | undefined, username: string): Promise<Connected> {
    let password = await this.#password(username);
    let tfaCode = this.#options.tfaCode;
    let wrongPasswords = 0;
    let tfaAsked = 0;
    for (;;) {
      let method: 'oai-secure' | 'basic' | undefined;
      try {
        const result = await login({ baseUrl, tenantId, username, password, tfaCode, fetch: this.#clientOptions.fetch, signal: this.#options.signal });
        method = result.method;
        const { auth } = result;
        const client = new CumulocityClient({ ...this.#clientOptions, baseUrl, auth, ...(tenantId === undefined ? {} : { tenantId }) });
        // Basic auth is checked now (a wrong password is found here, not at the first call), with
        // the request that also names the tenant; an OAI-Secure token names it itself.
        if (method === 'basic' && tenantId !== undefined) {
          await client.get('/tenant/currentTenant', { accept: CURRENT_TENANT, ...this.#signal() });
          return { client, tenantId };
        }
        return { client, tenantId: tenantId ?? auth.tenantId ?? (await client.getTenantId(this.#signal())) };
      } catch (error) {
        if (!this.#interactive || !isCumulocityError(error, 'UnauthorizedError')) throw error;
        if (isCumulocityError(error, 'TfaRequiredError')) {
          // A TFA code goes with an OAI-Secure login only.
          if (method === 'basic' || ++tfaAsked > MAX_ATTEMPTS) throw error;
          if (tfaCode !== undefined) this.#stderr.write('The TFA code was not accepted.\n');
          tfaCode = (await this.#ask('TFA code: ')).trim();
          continue;
        }
        if (++wrongPasswords > MAX_ATTEMPTS) throw error;
        this.#stderr.write(`Invalid user name or password for ${username} at ${baseUrl}: try again (${wrongPasswords} of ${MAX_ATTEMPTS}).\n`);
        password = await this.#hidden('Password: ');
        tfaCode = undefined;
        tfaAsked = 0;
      }
    }
  }

  async #baseUrl(): Promise<string> {
    const given = this.#options.baseUrl ?? this.#value('C8Y_BASEURL');
    if (given !== undefined) return normalizeBaseUrl(given, this.#options.baseUrl === undefined ? 'C8Y_BASEURL' : 'options.baseUrl');
    if (!this.#interactive) throw missing('baseUrl', 'C8Y_BASEURL');
    for (let attempt = 1; ; attempt++) {
      const answer = await this.#ask('Cumulocity URL (e.g. mytenant.cumulocity.com): ');
      try {
        return normalizeBaseUrl(answer, 'C8Y_BASEURL');
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isCumulocityError(error, 'InvalidInputError')) throw error;
        this.#stderr.write(`${error.message}\n`);
      }
    }
  }

  /** The password: options, else `C8Y_PASSWORD` when it belongs to this user, else asked. */
  async #password(username: string): Promise<string> {
    if (this.#options.password !== undefined) return this.#options.password;
    const envUser = this.#value('C8Y_USER');
    const envPassword = this.#value('C8Y_PASSWORD');
    if (envPassword !== undefined && (envUser === undefined || envUser === username)) return envPassword;
    if (!this.#interactive) throw missing('password', 'C8Y_PASSWORD');
    return this.#hidden('Password: ');
  }

  /** Asked until not empty; missing without a terminal. */
  async #required(option: string, variable: string, question: string): Promise<string> {
    if (!this.#interactive) throw missing(option, variable);
    for (let attempt = 1; ; attempt++) {
      const answer = (await this.#ask(question)).trim();
      if (answer !== '') return answer;
      if (attempt >= MAX_ATTEMPTS) throw missing(option, variable);
    }
  }

  /** Asked on a terminal; empty or no terminal → undefined. */
  async #optional(question: string): Promise<string | undefined> {
    if (!this.#interactive) return undefined;
    const answer = (await this.#ask(question)).trim();
    return answer === '' ? undefined : answer;
  }

  /** An environment variable; empty counts as unset. */
  #value(name: string): string | undefined {
    const value = this.#env[name];
    return value === undefined || value === '' ? undefined : value;
  }

  async #ask(question: string): Promise<string> {
    return (await this.#terminal()).ask(question);
  }

  async #hidden(question: string): Promise<string> {
    return (await this.#terminal()).askHidden(question);
  }

  /**
   * The terminal, opened at the first question. The prompt code (and node:readline) is loaded
   * only then: a `getClient()` that finds every value asks nothing and loads none of it.
   */
  async #terminal(): Promise<Prompter> {
    if (this.#aborted !== undefined) throw this.#aborted;
    if (this.#prompter !== undefined) return this.#prompter;
    const { Prompter } = await import('./prompter.js');
    // An abort while the module loaded: no terminal is opened.
    if (this.#aborted !== undefined) throw this.#aborted;
    this.#prompter ??= new Prompter(this.#options.stdin ?? process.stdin, this.#options.stdout ?? process.stdout);
    return this.#prompter;
  }

  #signal(): { signal?: AbortSignal } {
    return this.#options.signal === undefined ? {} : { signal: this.#options.signal };
  }
}

const CURRENT_TENANT = 'application/vnd.com.nsn.cumulocity.currenttenant+json';

function missing(option: string, variable: string): InvalidInputError {
  return new InvalidInputError(`is not set: set ${variable} or pass options.${option} (there is no terminal to ask on)`, { path: variable });
}

/** The tenant of a `t100/admin` user name. */
function tenantOf(user: string | undefined): string | undefined {
  const slash = user?.indexOf('/') ?? -1;
  return slash > 0 ? user?.slice(0, slash) : undefined;
}

function isTerminal(stream: TextInput | TextOutput): boolean {
  return stream.isTTY === true;
}
