import type { IncomingHttpHeaders } from 'node:http';
import { errors, type C8yHttpError } from '../server/errors.js';
import { decodeComponent } from '../util/percent.js';
import type { Tenant, TenantRegistry } from './tenants.js';
import type { TokenIssuer } from './token.js';
import type { User } from './users.js';

/** How the request authenticated. */
export type AuthScheme = 'basic' | 'bearer' | 'cookie';

/** A successfully authenticated principal. */
export interface Principal {
  tenant: Tenant;
  user: User;
  scheme: AuthScheme;
}

/**
 * Reads one cookie from a Cookie header, percent-decoded; a value with a malformed `%` escape is
 * returned as sent (it then simply fails to verify: 401, never an exception).
 */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return decodeComponent(value) ?? value;
    }
  }
  return undefined;
}

/** True if the request carries any credentials (Authorization header or auth cookie). */
export function hasCredentials(headers: IncomingHttpHeaders): boolean {
  return headers.authorization !== undefined || readCookie(headers.cookie, 'authorization') !== undefined;
}

/**
 * Authenticates a request. Supported:
 * - `Basic base64(tenant/user:password)` (the tenant prefix may also be a tenant domain);
 * - `Basic base64(user:password)`: tenant from the `Host` (domain or `<tenantId>.…` subdomain),
 *   else the default tenant (the loopback address stands for the default tenant's domain);
 * - `Bearer <token>` issued by this emulator (`ten`/`sub` claims);
 * - cookie `authorization=<token>` plus header `X-XSRF-TOKEN` equal to the token's `xsrfToken`.
 */
export function authenticate(
  headers: IncomingHttpHeaders,
  hostTenant: Tenant,
  tenants: TenantRegistry,
  tokens: TokenIssuer,
): Principal | C8yHttpError {
  const authorization = headers.authorization;
  if (authorization) {
    const space = authorization.indexOf(' ');
    const scheme = (space < 0 ? authorization : authorization.slice(0, space)).toLowerCase();
    const value = space < 0 ? '' : authorization.slice(space + 1).trim();
    if (scheme === 'basic') return basic(value, hostTenant, tenants);
    if (scheme === 'bearer') return bearer(value, tenants, tokens, 'bearer');
    return errors.unauthorized();
  }
  const cookieToken = readCookie(headers.cookie, 'authorization');
  if (cookieToken !== undefined) {
    const principal = bearer(cookieToken, tenants, tokens, 'cookie');
    if ('user' in principal) {
      const xsrf = headers['x-xsrf-token'];
      const claims = tokens.verify(cookieToken);
      if (!claims || typeof xsrf !== 'string' || xsrf !== claims.xsrfToken) return errors.unauthorized('Invalid XSRF token');
    }
    return principal;
  }
  return errors.unauthorized('Full authentication is required to access this resource');
}

function basic(value: string, hostTenant: Tenant, tenants: TenantRegistry): Principal | C8yHttpError {
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return errors.unauthorized();
  const login = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  const slash = login.indexOf('/');
  let tenant: Tenant | undefined = hostTenant;
  if (slash >= 0) {
    const prefix = login.slice(0, slash);
    tenant = tenants.get(prefix) ?? tenants.list().find((t) => t.domain.toLowerCase() === prefix.toLowerCase());
  }
  const user = tenant?.findUser(slash >= 0 ? login.slice(slash + 1) : login);
  if (!tenant || !user || user.password !== password) return errors.unauthorized();
  return { tenant, user, scheme: 'basic' };
}

function bearer(token: string, tenants: TenantRegistry, tokens: TokenIssuer, scheme: AuthScheme): Principal | C8yHttpError {
  const claims = tokens.verify(token);
  const tenant = claims && tenants.get(claims.ten);
  const user = claims && tenant?.findUser(claims.sub);
  if (!tenant || !user) return errors.unauthorized('Invalid or expired token');
  return { tenant, user, scheme };
}
