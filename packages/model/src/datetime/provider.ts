import { CumulocityError } from '@c8y/rest-core';
import type { DateTime } from 'luxon';

/**
 * Turns Cumulocity time strings into luxon `DateTime`s. Installed by `import '@c8y/model/datetime'`
 * (and by `@c8y/sdk`); the model itself never imports luxon, so browser bundles that only use
 * the string properties stay free of it.
 *
 * @example
 * ```ts
 * import { installDateTimeProvider } from '@c8y/model';
 * import { DateTime } from 'luxon';
 * installDateTimeProvider({ parse: (text) => DateTime.fromISO(text, { setZone: true }) });
 * ```
 */
export interface DateTimeProvider {
  /** Parses an ISO 8601 string; the result may be invalid (`DateTime#isValid`). */
  parse(text: string): DateTime;
}

let provider: DateTimeProvider | undefined;

/**
 * Installs the provider the `…DateTime` properties use. `import '@c8y/model/datetime'` calls it
 * with luxon; call it yourself only to customise parsing.
 *
 * @example
 * ```ts
 * import '@c8y/model/datetime';   // usual way
 * ```
 */
export function installDateTimeProvider(next: DateTimeProvider): void {
  provider = next;
}

/**
 * Whether a provider is installed.
 *
 * @example
 * ```ts
 * if (!hasDateTimeProvider()) await import('@c8y/model/datetime');
 * ```
 */
export function hasDateTimeProvider(): boolean {
  return provider !== undefined;
}

/**
 * Parses a time string with the installed provider; `undefined` stays `undefined`.
 *
 * @throws CumulocityError naming the fix when no provider is installed.
 * @example
 * ```ts
 * parseDateTime('2025-01-01T00:00:00.000Z', 'creationDateTime')?.year; // 2025
 * ```
 */
export function parseDateTime(text: string | undefined, property: string): DateTime | undefined {
  if (provider === undefined) {
    throw new CumulocityError(
      `${property} needs luxon: add \`import '@c8y/model/datetime';\` once in your app ` +
        '(or use @c8y/sdk, which installs it). The string form of the property works without it.',
    );
  }
  return text === undefined ? undefined : provider.parse(text);
}
