import { CumulocityError, type CumulocityErrorOptions } from '../errors/cumulocity-error.js';
import { redactSecrets } from '../errors/redact.js';

/**
 * {@link authenticate} found no OAI-Secure login (`OAUTH2_INTERNAL`) among the tenant's login
 * options (`GET /tenant/loginOptions`): the tenant allows only Basic auth (or only external SSO).
 * `loginTypes` lists the types it offers, e.g. `['BASIC']`. Fall back to `BasicAuth` if that suits you.
 *
 * @example
 * ```ts
 * let auth: AuthStrategy;
 * try {
 *   auth = await authenticate({ baseUrl, username, password });
 * } catch (error) {
 *   if (!(error instanceof OaiSecureUnavailableError) || !error.loginTypes.includes('BASIC')) throw error;
 *   auth = new BasicAuth(username, password);
 * }
 * ```
 */
export class OaiSecureUnavailableError extends CumulocityError {
  static override readonly kind: string = 'OaiSecureUnavailableError';
  /** The login option types the tenant offers (`BASIC`, `OAUTH2`, …). */
  readonly loginTypes: readonly string[];

  constructor(loginTypes: readonly string[], options: CumulocityErrorOptions = {}) {
    const offered = loginTypes.length === 0 ? 'none' : loginTypes.join(', ');
    const where = options.method && options.url ? ` (${options.method} ${options.url})` : '';
    super(
      `The tenant does not offer OAI-Secure login (OAUTH2_INTERNAL); its login options: ${offered}. ` +
        `${loginTypes.includes('BASIC') ? 'Use BasicAuth' : 'Log in through the SSO of the tenant'} instead${where}`,
      options,
    );
    this.loginTypes = Object.freeze(loginTypes.map((type) => redactSecrets(type)));
  }
}
