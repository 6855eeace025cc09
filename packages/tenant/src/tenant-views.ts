import { JsonView, type JsonObject } from '@c8y/model';

/**
 * The current tenant (`GET /tenant/currentTenant`): its id (`name`), domain, whether it may
 * create subtenants, its custom properties and, with `withParent`, its parent's id. Read-only.
 *
 * @example
 * ```ts
 * const tenant = await new TenantOptions(client).getCurrentTenant();
 * tenant.name; // 't07007007'
 * ```
 */
export class CurrentTenant extends JsonView {
  /**
   * The tenant id.
   * @example
   * ```ts
   * tenant.name; // 't07007007'
   * ```
   */
  get name(): string | undefined {
    return this.stringField('name');
  }

  /**
   * The tenant's domain.
   * @example
   * ```ts
   * tenant.domainName; // 't07007007.cumulocity.com'
   * ```
   */
  get domainName(): string | undefined {
    return this.stringField('domainName');
  }

  /**
   * Whether the tenant may create subtenants.
   * @example
   * ```ts
   * tenant.allowCreateTenants; // false
   * ```
   */
  get allowCreateTenants(): boolean | undefined {
    return this.booleanField('allowCreateTenants');
  }

  /**
   * The parent tenant's id (asked for with `withParent: true`).
   * @example
   * ```ts
   * tenant.parent; // 'management'
   * ```
   */
  get parent(): string | undefined {
    return this.stringField('parent');
  }

  /**
   * The tenant's custom properties (a copy), `{}` when it has none.
   * @example
   * ```ts
   * tenant.customProperties.gainsightEnabled;
   * ```
   */
  get customProperties(): JsonObject {
    const value = this.get('customProperties');
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
  }

  /**
   * `CurrentTenant(name)`.
   * @example
   * ```ts
   * String(tenant); // 'CurrentTenant(t07007007)'
   * ```
   */
  toString(): string {
    return `CurrentTenant(${this.name ?? '?'})`;
  }
}

/**
 * One way to log in to a tenant (`GET /tenant/loginOptions`, entries of `loginOptions`):
 * `BASIC`, `OAUTH2_INTERNAL` (OAI-Secure) or an SSO `OAUTH2`. Read-only.
 *
 * @example
 * ```ts
 * const options = await new TenantOptions(client).getLoginOptions();
 * const option = options.find((o) => o.type === 'OAUTH2_INTERNAL');
 * if (option === undefined) throw new Error('OAI-Secure is not enabled');
 * option.initRequest; // 'https://t07.cumulocity.com/tenant/oauth?tenant_id=t07'
 * ```
 */
export class LoginOption extends JsonView {
  /**
   * The login option's id.
   * @example
   * ```ts
   * option.id;
   * ```
   */
  get id(): string | undefined {
    return this.stringField('id');
  }

  /**
   * The kind of authentication: `BASIC`, `OAUTH2_INTERNAL`, `OAUTH2`.
   * @example
   * ```ts
   * option.type; // 'OAUTH2_INTERNAL'
   * ```
   */
  get type(): string | undefined {
    return this.stringField('type');
  }

  /**
   * `INTERNAL` (users managed by Cumulocity) or `REMOTE` (by an identity provider).
   * @example
   * ```ts
   * option.userManagementSource; // 'INTERNAL'
   * ```
   */
  get userManagementSource(): string | undefined {
    return this.stringField('userManagementSource');
  }

  /**
   * The URL that issues tokens (OAuth options).
   * @example
   * ```ts
   * option.initRequest;
   * ```
   */
  get initRequest(): string | undefined {
    return this.stringField('initRequest');
  }

  /**
   * The OAuth grant type, e.g. `PASSWORD`.
   * @example
   * ```ts
   * option.grantType; // 'PASSWORD'
   * ```
   */
  get grantType(): string | undefined {
    return this.stringField('grantType');
  }

  /**
   * The two-factor strategy, `TOTP` or `SMS`.
   * @example
   * ```ts
   * option.tfaStrategy; // 'TOTP'
   * ```
   */
  get tfaStrategy(): string | undefined {
    return this.stringField('tfaStrategy');
  }

  /**
   * Whether the login page offers it (SSO).
   * @example
   * ```ts
   * option.visibleOnLoginPage;
   * ```
   */
  get visibleOnLoginPage(): boolean | undefined {
    return this.booleanField('visibleOnLoginPage');
  }

  /**
   * `LoginOption(type)`.
   * @example
   * ```ts
   * String(option); // 'LoginOption(BASIC)'
   * ```
   */
  toString(): string {
    return `LoginOption(${this.type ?? '?'})`;
  }
}
