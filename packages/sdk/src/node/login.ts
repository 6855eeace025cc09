import { authenticate, BasicAuth, isCumulocityError, type AuthStrategy, type FetchFunction } from '@c8y/rest-core';

/** What a password login needs. */
export interface PasswordLogin {
  baseUrl: string;
  tenantId: string | undefined;
  username: string;
  password: string;
  tfaCode: string | undefined;
  fetch: FetchFunction | undefined;
  signal: AbortSignal | undefined;
}

/** The credentials a login produced: a bearer token (OAI-Secure) or Basic auth still to be verified. */
export interface LoginResult {
  auth: AuthStrategy;
  /** `basic`: the tenant does not offer OAI-Secure; the credentials are not checked yet. */
  method: 'oai-secure' | 'basic';
}

/**
 * Logs in with OAI-Secure (`GET /tenant/loginOptions`, `POST /tenant/oauth`) and returns its
 * token as Bearer auth. A tenant without OAI-Secure gets Basic auth (checked by the caller's
 * first request). Errors: `UnauthorizedError` (wrong password), `TfaRequiredError` (a TFA code
 * is needed or was wrong), others as `authenticate` throws them.
 *
 * @example
 * ```ts
 * const { auth, method } = await login({ baseUrl: 'https://t100.example.com', tenantId: 't100', username: 'admin', password, tfaCode: undefined, fetch: undefined, signal: undefined });
 * console.log(String(auth), method);
 * ```
 */
export async function login(options: PasswordLogin): Promise<LoginResult> {
  const { baseUrl, tenantId, username, password, tfaCode, fetch, signal } = options;
  try {
    const cookie = await authenticate({
      baseUrl,
      username,
      password,
      ...(tenantId === undefined ? {} : { tenantId }),
      ...(tfaCode === undefined ? {} : { tfaCode }),
      ...(fetch === undefined ? {} : { fetch }),
      ...(signal === undefined ? {} : { signal }),
    });
    return { auth: cookie.toBearer(), method: 'oai-secure' };
  } catch (error) {
    if (!isCumulocityError(error, 'OaiSecureUnavailableError')) throw error;
    return { auth: new BasicAuth(username, password, tenantId === undefined ? {} : { tenantId }), method: 'basic' };
  }
}
