/** What the client tells an auth strategy about the request it is about to send. */
export interface AuthContext {
  /** The tenant id the client knows (from its options or resolved), if any. */
  tenantId?: string;
}

/**
 * How a client authenticates. Implementations keep secrets in private fields so they never
 * show up in `JSON.stringify`, `console.log` or error messages.
 *
 * @example
 * ```ts
 * const auth: AuthStrategy = new BasicAuth('t100/admin', 'secret');
 * ```
 */
export interface AuthStrategy {
  /** Adds the credentials to an outgoing request's headers. */
  authorize(headers: Headers, context: AuthContext): void | Promise<void>;
  /** The tenant id these credentials name (`t100/admin`, a JWT's `ten` claim), if they name one. */
  readonly tenantId?: string;
  /** The user name these credentials name, without a tenant prefix, if known. */
  readonly username?: string;
  /** A description without secrets, e.g. `BasicAuth(t100/admin)`. */
  toString(): string;
}
