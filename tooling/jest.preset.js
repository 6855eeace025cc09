/**
 * Shared Jest config: TypeScript via @swc/jest, native ESM
 * (jest runs with NODE_OPTIONS=--experimental-vm-modules).
 * ESM-only dependencies (ky, p-queue) load natively, untransformed.
 * @type {import('jest').Config}
 */
export default {
  testEnvironment: 'node',
  // A guard against hangs, not a speed check: emulator scenarios send hundreds of requests, and CI
  // runs several packages' suites at once on two cores.
  testTimeout: 60_000,
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'es6' },
      },
    ],
  },
  // Sources import with NodeNext '.js' suffixes; map them back to the .ts files.
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
};
