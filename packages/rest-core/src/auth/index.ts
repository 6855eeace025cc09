export type { AuthContext, AuthStrategy } from './auth-strategy.js';
export { BasicAuth, type BasicAuthOptions } from './basic-auth.js';
export { BearerAuth, type BearerAuthOptions } from './bearer-auth.js';
export { CookieAuth, type CookieAuthOptions } from './cookie-auth.js';
export { decodeJwtClaims, type JwtClaims } from './jwt.js';
export { authenticate, type AuthenticateOptions } from './authenticate.js';
export { OaiSecureUnavailableError } from './oai-secure-unavailable-error.js';
export { parseAuthorization, type IncomingHeaders } from './parse-authorization.js';
