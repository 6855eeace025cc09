/**
 * Shared Jest config: TypeScript via @swc/jest, native ESM
 * (jest runs with NODE_OPTIONS=--experimental-vm-modules).
 * ESM-only dependencies (ky, p-queue) load natively, untransformed.
 * @type {import('jest').Config}
 */
export default {
  testEnvironment: 'node',
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
