import { JsonView } from './json-view.js';

/**
 * A tenant subscribed to the current microservice, with the service user's credentials
 * (`GET /application/currentApplication/subscriptions`, entries of `users`). `toString()` and
 * `JSON.stringify` never show the password.
 *
 * @example
 * ```ts
 * const { users } = (await c8y.get('/application/currentApplication/subscriptions')) as { users: JsonObject[] };
 * const sub = new ApplicationSubscription(users[0]!); // one subscribed tenant
 * const client = new CumulocityRestClient({ baseUrl, auth: new BasicAuth(`${sub.tenant}/${sub.name}`, sub.password!) });
 * ```
 */
export class ApplicationSubscription extends JsonView {
  /**
   * The subscribed tenant's id.
   * @example
   * ```ts
   * sub.tenant; // 't0700700777777'
   * ```
   */
  get tenant(): string | undefined {
    return this.stringField('tenant');
  }

  /**
   * The service user's name.
   * @example
   * ```ts
   * sub.name; // 'service_hello_world'
   * ```
   */
  get name(): string | undefined {
    return this.stringField('name');
  }

  /**
   * The service user's password.
   * @example
   * ```ts
   * sub.password;
   * ```
   */
  get password(): string | undefined {
    return this.stringField('password');
  }

  /**
   * The JSON without the password.
   * @example
   * ```ts
   * JSON.stringify(sub); // '{"tenant":"t07","name":"service_hello_world","password":"***"}'
   * ```
   */
  override toJSON() {
    const json = super.toJSON();
    if (json.password !== undefined) json.password = '***';
    return json;
  }

  /**
   * `ApplicationSubscription(tenant/name)`.
   * @example
   * ```ts
   * String(sub); // 'ApplicationSubscription(t07/service_hello_world)'
   * ```
   */
  toString(): string {
    return `ApplicationSubscription(${this.tenant ?? '?'}/${this.name ?? '?'})`;
  }
}
