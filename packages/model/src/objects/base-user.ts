import type { DateTime } from 'luxon';
import type { JsonObject } from '../json/json-types.js';
import { CumulocityObject } from './cumulocity-object.js';

/**
 * Properties shared by `User` and `CurrentUser`.
 *
 * @example
 * ```ts
 * const user = await new User(c8y, { userName: 'jdoe', email: 'jdoe@example.com', sendPasswordResetEmail: true }).create();
 * user.email = 'jane@example.com';
 * user.lastPasswordChange; // '2025-01-01T00:00:00.000Z'
 * ```
 */
export abstract class BaseUser extends CumulocityObject {
  /**
   * The login name (also the user's id). Set before creation only.
   * @example
   * ```ts
   * user.userName; // 'jdoe'
   * ```
   */
  get userName(): string | undefined {
    return this.stringField('userName');
  }
  set userName(value: string | undefined) {
    this.writeField('userName', value);
  }

  /**
   * E-mail address.
   * @example
   * ```ts
   * user.email = 'jdoe@example.com';
   * ```
   */
  get email(): string | undefined {
    return this.stringField('email');
  }
  set email(value: string | undefined) {
    this.writeField('email', value);
  }

  /**
   * First name.
   * @example
   * ```ts
   * user.firstName = 'Jane';
   * ```
   */
  get firstName(): string | undefined {
    return this.stringField('firstName');
  }
  set firstName(value: string | undefined) {
    this.writeField('firstName', value);
  }

  /**
   * Last name.
   * @example
   * ```ts
   * user.lastName = 'Doe';
   * ```
   */
  get lastName(): string | undefined {
    return this.stringField('lastName');
  }
  set lastName(value: string | undefined) {
    this.writeField('lastName', value);
  }

  /**
   * Phone number.
   * @example
   * ```ts
   * user.phone = '+49 123 4567';
   * ```
   */
  get phone(): string | undefined {
    return this.stringField('phone');
  }
  set phone(value: string | undefined) {
    this.writeField('phone', value);
  }

  /**
   * A new password to send (write-only at Cumulocity: never read back from the server).
   * @example
   * ```ts
   * user.password = 'n3w-Secret!'; await user.update();
   * ```
   */
  get password(): string | undefined {
    return this.stringField('password');
  }
  set password(value: string | undefined) {
    this.writeField('password', value);
  }

  /**
   * Whether the user must change the password at next login. Read-only.
   * @example
   * ```ts
   * user.shouldResetPassword;
   * ```
   */
  get shouldResetPassword(): boolean | undefined {
    return this.booleanField('shouldResetPassword');
  }

  /**
   * Whether two-factor authentication is enabled. Read-only.
   * @example
   * ```ts
   * user.twoFactorAuthenticationEnabled;
   * ```
   */
  get twoFactorAuthenticationEnabled(): boolean | undefined {
    return this.booleanField('twoFactorAuthenticationEnabled');
  }

  /**
   * When the password was last changed, as the JSON string. Read-only.
   * @example
   * ```ts
   * user.lastPasswordChange;
   * ```
   */
  get lastPasswordChange(): string | undefined {
    return this.stringField('lastPasswordChange');
  }

  /**
   * `lastPasswordChange` as a luxon `DateTime` (needs `import '@c8y/model/datetime'`).
   * @example
   * ```ts
   * user.lastPasswordChangeDateTime;
   * ```
   */
  get lastPasswordChangeDateTime(): DateTime | undefined {
    return this.dateTimeField('lastPasswordChange', 'lastPasswordChangeDateTime');
  }

  /**
   * Custom properties of the user (live: changes are tracked).
   * @example
   * ```ts
   * user.set('customProperties.language', 'de');
   * ```
   */
  get customProperties(): JsonObject | undefined {
    return this.jsonField<JsonObject>('customProperties');
  }
}
