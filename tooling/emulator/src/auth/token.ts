import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/** Claims of an emulator-issued OAI-Secure token (the shape of a real one). */
export interface TokenClaims {
  jti: string;
  iss: string;
  aud: string;
  /** User name. */
  sub: string;
  tci: string;
  iat: number;
  nbf: number;
  exp: number;
  tfa: boolean;
  /** Tenant id. */
  ten: string;
  xsrfToken: string;
}

/** A token with its XSRF companion, as `POST /tenant/oauth` sets them in cookies. */
export interface IssuedToken {
  token: string;
  xsrfToken: string;
  claims: TokenClaims;
}

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

/**
 * Signs and verifies HS256 JWTs with a secret private to this emulator instance, so tokens from
 * another process (or a real platform) are rejected.
 */
export class TokenIssuer {
  private readonly secret = randomBytes(32);
  private readonly revoked = new Set<string>();
  /** Ids (`jti`) of the tokens issued per tenant and not revoked yet, for {@link revokeTenant}. */
  private readonly issuedByTenant = new Map<string, Set<string>>();

  constructor(
    private readonly now: () => Date,
    private readonly issuer: string,
  ) {}

  /** Issues a token for `user` of `tenant`, valid `lifetimeSeconds` (default 2 days, as on the platform). */
  issue(tenant: string, user: string, lifetimeSeconds = 2 * 24 * 3600): IssuedToken {
    const iat = Math.floor(this.now().getTime() / 1000);
    const claims: TokenClaims = {
      jti: randomUUID(),
      iss: this.issuer,
      aud: this.issuer,
      sub: user,
      tci: randomUUID(),
      iat,
      nbf: iat,
      exp: iat + lifetimeSeconds,
      tfa: false,
      ten: tenant,
      xsrfToken: randomUUID(),
    };
    let issued = this.issuedByTenant.get(tenant);
    if (!issued) this.issuedByTenant.set(tenant, (issued = new Set()));
    issued.add(claims.jti);
    const unsigned = `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify(claims))}`;
    return { token: `${unsigned}.${this.sign(unsigned)}`, xsrfToken: claims.xsrfToken, claims };
  }

  /** Claims of a valid, unexpired, unrevoked token; `undefined` otherwise. */
  verify(token: string): TokenClaims | undefined {
    const [header, payload, signature] = token.split('.');
    if (!header || !payload || !signature) return undefined;
    const expected = Buffer.from(this.sign(`${header}.${payload}`));
    const actual = Buffer.from(signature);
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
    let claims: TokenClaims;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
    } catch {
      return undefined;
    }
    const nowSec = this.now().getTime() / 1000;
    if (typeof claims.exp !== 'number' || claims.exp <= nowSec || this.revoked.has(claims.jti)) return undefined;
    return claims;
  }

  /** Invalidates a token (logout). Returns false if it was not a valid token. */
  revoke(token: string): boolean {
    const claims = this.verify(token);
    if (claims) {
      this.revoked.add(claims.jti);
      this.issuedByTenant.get(claims.ten)?.delete(claims.jti);
    }
    return claims !== undefined;
  }

  /**
   * Invalidates every token issued so far to users of `tenant` (`POST /user/logout/{tenantId}/allUsers`):
   * cookie (OAI-Secure) sessions and Bearer tokens alike. Tokens issued afterwards are valid.
   * Returns how many tokens were invalidated (expired ones included).
   */
  revokeTenant(tenant: string): number {
    const issued = this.issuedByTenant.get(tenant);
    if (!issued) return 0;
    for (const jti of issued) this.revoked.add(jti);
    this.issuedByTenant.delete(tenant);
    return issued.size;
  }

  private sign(data: string): string {
    return createHmac('sha256', this.secret).update(data).digest('base64url');
  }
}
