// Shared StrykerJS settings for the packages under mutation testing (rest-core, model).
// Each package's stryker.config.mjs calls mutationConfig() with what differs: the tests to leave out.
// Run from the package directory: `pnpm test:mutation` (or at the root for both packages).
import { fileURLToPath } from 'node:url';

// pnpm keeps @stryker-mutator/core apart from its plugins, so Stryker's default plugin glob
// ("@stryker-mutator/*" beside core) finds none: name them by absolute path.
const plugin = (name) => fileURLToPath(import.meta.resolve(name));

/**
 * Tests left out of mutation runs, for every package:
 * - typecheck.test.ts compiles the test folder with tsc (~10 s per run): the typescript checker
 *   already turns every mutant that breaks a type into a CompileError before any test runs.
 * - bundle tests measure esbuild bundles of src; in the sandbox src is instrumented (every mutant
 *   is in the code at once), so their byte counts and tree-shaking results are meaningless there.
 */
const commonIgnoredTests = ['<rootDir>/test/typecheck.test.ts', '<rootDir>/test/bundle/', '<rootDir>/test/bundle.test.ts'];

/**
 * @param {{ ignoredTests?: string[] }} options
 * @returns {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export function mutationConfig({ ignoredTests = [] } = {}) {
  return {
    packageManager: 'pnpm',
    plugins: [plugin('@stryker-mutator/jest-runner'), plugin('@stryker-mutator/typescript-checker')],
    testRunner: 'jest',
    // Native ESM jest, as in the package's `test` script.
    testRunnerNodeArgs: ['--experimental-vm-modules', '--disable-warning=ExperimentalWarning'],
    jest: {
      projectType: 'custom',
      configFile: 'jest.config.js',
      config: {
        testPathIgnorePatterns: ['/node_modules/', ...commonIgnoredTests, ...ignoredTests],
        // Per mutant, load only the test files that hold a covering test (see the file).
        testSequencer: fileURLToPath(new URL('./jest-sequencer.cjs', import.meta.url)),
      },
      enableFindRelatedTests: true,
    },
    // Per-test coverage: each mutant runs only the tests that reach it.
    coverageAnalysis: 'perTest',
    checkers: ['typescript'],
    // The sources only (as built): a mutant the compiler refuses is a CompileError without a test
    // run. Test files are not compiled per mutant: jest strips their types, and `pnpm typecheck`
    // checks them against the real sources.
    tsconfigFile: 'tsconfig.build.json',
    typescriptChecker: { prioritizePerformanceOverAccuracy: true },
    mutate: ['src/**/*.ts', '!src/**/index.ts'],
    // Committed: a re-run only mutates (and tests) what changed since the recorded run.
    incremental: true,
    incrementalFile: 'stryker-incremental.json',
    // Two levels below the repository root (../../.stryker-tmp/sandbox-*), so the relative
    // imports of jest.config.js and tsconfig.json (../../tooling/...) resolve in the sandbox too.
    tempDirName: '../../.stryker-tmp',
    ignorePatterns: ['dist', 'docs', 'coverage', 'reports', 'stryker-incremental.json', 'mutation-scores.json'],
    // The machine has 2 cores shared with others: keep it modest (override with --concurrency).
    concurrency: 2,
    // A mutant that breaks a retry or abort path often makes a test wait for real backoff delays:
    // Stryker calls it a Timeout (detected) after 1.5 × the covering tests' time + timeoutMS.
    timeoutMS: 3_000,
    // Static mutants (module-level constants, evaluated once at import) cannot be traced to tests,
    // so each one runs every related test (~20 s in rest-core): left out of the runs and the score.
    ignoreStatic: true,
    reporters: ['clear-text', 'progress', 'html', 'json'],
    htmlReporter: { fileName: 'reports/mutation/mutation.html' },
    jsonReporter: { fileName: 'reports/mutation/mutation.json' },
    clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0, reportScoreTable: true },
    thresholds: { high: 85, low: 70, break: null },
    cleanTempDir: 'always',
  };
}
