import { describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { typeCheck, typeTestFiles } from '../../../tooling/type-tests.js';

// The compile-time tests (@ts-expect-error lines) as part of `pnpm test`: jest alone strips types,
// so without this a line that is no longer a type error would pass.

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** Known errors, so a check that stopped checking (wrong files, wrong options) cannot pass. */
const canary = `export const wrong: number = 'not a number';
// @ts-expect-error nothing is wrong on the next line
export const fine: number = 1;
`;

describe('type tests', () => {
  it('every @ts-expect-error in test/ marks a type error and the rest compiles; the canary errors are reported', () => {
    const files = typeTestFiles(packageDir, 'test', ['test/typecheck.test.ts']);
    expect(files).toEqual(expect.arrayContaining(['test/types.check.ts']));
    expect(typeCheck(packageDir, files, { 'test/type-check-canary.ts': canary })).toEqual([
      expect.stringMatching(/^test\/type-check-canary\.ts:1 TS2322 /),
      expect.stringMatching(/^test\/type-check-canary\.ts:2 TS2578 /),
    ]);
  }, 120_000);
});
