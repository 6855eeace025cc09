import { pagingScenario } from './paging-scenario.js';

// Benchmarks print ratios against baselines run in the same process; they never fail a build.
await pagingScenario();
