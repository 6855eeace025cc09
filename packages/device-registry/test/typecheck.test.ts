import { describeTypeTests } from '../../../tooling/type-tests.js';

// The compile-time tests (@ts-expect-error lines, assertType) as part of `pnpm test`.
describeTypeTests(new URL('..', import.meta.url), ['test/types.check.ts']);
