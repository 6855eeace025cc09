import type { DateTime } from 'luxon';
import { JsonView } from './json-view.js';

/**
 * A user's two-factor authentication settings (`GET /user/{tenantId}/users/{userId}/tfa`).
 *
 * @example
 * ```ts
 * const tfa = await new CurrentUser(c8y).getTfaSettings();
 * if (tfa.enforced && !tfa.enabled) console.log('TFA must be set up');
 * ```
 */
export class TfaSettings extends JsonView {
  /**
   * Whether TFA is enabled for the user (`tfaEnabled`).
   * @example
   * ```ts
   * tfa.enabled;
   * ```
   */
  get enabled(): boolean | undefined {
    return this.booleanField('tfaEnabled');
  }

  /**
   * Whether the tenant enforces TFA (`tfaEnforced`).
   * @example
   * ```ts
   * tfa.enforced;
   * ```
   */
  get enforced(): boolean | undefined {
    return this.booleanField('tfaEnforced');
  }

  /**
   * `SMS` or `TOTP`.
   * @example
   * ```ts
   * tfa.strategy === 'TOTP';
   * ```
   */
  get strategy(): 'SMS' | 'TOTP' | undefined {
    return this.stringField('strategy') as 'SMS' | 'TOTP' | undefined;
  }

  /**
   * When a TFA code was last requested, as the JSON string.
   * @example
   * ```ts
   * tfa.lastRequestTime;
   * ```
   */
  get lastRequestTime(): string | undefined {
    return this.stringField('lastTfaRequestTime');
  }

  /**
   * `lastRequestTime` as a luxon `DateTime` (needs `import '@c8y/model/datetime'`).
   * @example
   * ```ts
   * tfa.lastRequestDateTime;
   * ```
   */
  get lastRequestDateTime(): DateTime | undefined {
    return this.dateTimeField('lastTfaRequestTime', 'lastRequestDateTime');
  }
}
