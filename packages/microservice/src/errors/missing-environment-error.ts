import { InvalidInputError } from '@c8y/rest-core';

/**
 * A required environment variable is not set (or is empty). `variable` names it, `path` is
 * `env.<NAME>`, and the message says what it is needed for and which option replaces it. The
 * message lists the names (never the values) of the `C8Y_*` variables that are set, to spot a typo.
 *
 * It is an `InvalidInputError`: `isCumulocityError(error, 'InvalidInputError')` is true too.
 *
 * @example
 * ```ts
 * try {
 *   new SimpleCumulocityApp({ env: {} });
 * } catch (error) {
 *   if (isCumulocityError(error, 'MissingEnvironmentError')) console.error(`set ${error.variable}`); // 'set C8Y_BASEURL'
 * }
 * ```
 */
export class MissingEnvironmentError extends InvalidInputError {
  static override readonly kind: string = 'MissingEnvironmentError';
  /** The variable that is missing, e.g. `C8Y_BASEURL`. */
  readonly variable: string;

  constructor(variable: string, problem: string) {
    super(problem, { path: `env.${variable}` });
    this.variable = variable;
  }
}
