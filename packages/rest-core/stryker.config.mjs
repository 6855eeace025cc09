import { mutationConfig } from '../../tooling/mutation/stryker.base.mjs';

// Left out besides the shared ones (tooling/mutation/stryker.base.mjs), all long scenarios over
// real HTTP on loopback that would make each mutant run take many seconds:
// - paging/emulator.test.ts and paging/integration.test.ts: 20,000 objects paged through the
//   emulator and a local server (~6–7 s each per run). The same paging paths are covered by
//   paging/wire, workers, restricted and as-values.
// - reliability/stalled-body.test.ts: stalled bodies under forced garbage collection, 15 s guards,
//   so every mutant that breaks an abort path would take the guard time to time out. (The other
//   reliability tests run: retry budget, response size, redaction, …)
export default mutationConfig({
  ignoredTests: [
    '<rootDir>/test/paging/emulator.test.ts',
    '<rootDir>/test/paging/integration.test.ts',
    '<rootDir>/test/reliability/stalled-body.test.ts',
  ],
});
