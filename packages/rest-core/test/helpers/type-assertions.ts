/**
 * Compile-time assertions. They do nothing at run time: `test/typecheck.test.ts` type-checks every
 * test file that uses them (or `@ts-expect-error`) as part of `pnpm test`.
 *
 * @example
 * ```ts
 * assertType<Equal<PathValue<{ a: string }, 'a'>, string>>(); // a type error unless exactly equal
 * ```
 */
export type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;

/** Compiles only when its type argument is `true` (e.g. an {@link Equal} that holds). */
export const assertType = <T extends true>(_check?: T): undefined => undefined;
