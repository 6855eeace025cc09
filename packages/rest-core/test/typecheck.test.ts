import { describeTypeTests } from '../../../tooling/type-tests.js';

// The compile-time tests (assertType, @ts-expect-error) as part of `pnpm test`; the canary proves
// that a wrong expected type and an unused @ts-expect-error are both reported.
describeTypeTests(new URL('..', import.meta.url), ['test/paging/as-values.test.ts'], {
  source: `import { assertType, type Equal } from './helpers/type-assertions.js';
assertType<Equal<string, number>>();
// @ts-expect-error nothing is wrong on the next line
export const fine: number = 1;
`,
  errors: ['2 TS2344', '3 TS2578'],
});
