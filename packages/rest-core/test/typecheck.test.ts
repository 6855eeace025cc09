import { describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { typeCheck, typeTestFiles } from '../../../tooling/type-tests.js';

// The compile-time tests (assertType, @ts-expect-error) as part of `pnpm test`: jest alone strips
// types, so without this a wrong expected type would pass.

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** Known errors, so a check that stopped checking (wrong files, wrong options) cannot pass. */
const canary = `import { assertType, type Equal } from './helpers/type-assertions.js';
assertType<Equal<string, number>>();
// @ts-expect-error nothing is wrong on the next line
export const fine: number = 1;
`;

describe('type tests', () => {
  it('every compile-time check in test/ holds; a wrong type and an unused @ts-expect-error are reported', () => {
    const files = typeTestFiles(packageDir, 'test', ['test/typecheck.test.ts']);
    expect(files).toEqual(expect.arrayContaining(['test/paging/as-values.test.ts']));
    expect(typeCheck(packageDir, files, { 'test/type-check-canary.ts': canary })).toEqual([
      expect.stringMatching(/^test\/type-check-canary\.ts:2 TS2344 /),
      expect.stringMatching(/^test\/type-check-canary\.ts:3 TS2578 /),
    ]);
  }, 120_000);
});
