import type { Rounds } from './measure.js';

/** The sizes of every scenario: issue #16's for the full run, smaller ones for `--quick`. */
export interface BenchSizes {
  readonly paging: { objects: number; pageSize: number; latencyMs: number; workers: number; fast: Rounds; slow: Rounds };
  readonly cpu: { objects: number; pageSize: number; rounds: Rounds };
  readonly bulk: {
    measurements: number;
    /** `@c8y/client` creates this many one by one; its time is scaled to `measurements`. */
    officialSubset: number;
    latencyMs: number;
    chunkSize: number;
    chunkWorkers: number;
    singleWorkers: number;
    fast: Rounds;
    slow: Rounds;
  };
  /** `pageSize`: the SDK's default (1000), sent by every contender. */
  readonly streaming: { measurements: number; pageSize: number; workers: number; runs: number };
  readonly coldStart: { rounds: Rounds };
}

/** Issue #16's sizes: 7–9 minutes on a busy two-core machine (mostly bulk create and streaming). */
export const fullSizes: BenchSizes = {
  paging: { objects: 20_000, pageSize: 100, latencyMs: 20, workers: 20, fast: { warmups: 3, runs: 11 }, slow: { warmups: 1, runs: 3 } },
  cpu: { objects: 20_000, pageSize: 2000, rounds: { warmups: 3, runs: 9 } },
  bulk: { measurements: 10_000, officialSubset: 1_000, latencyMs: 20, chunkSize: 500, chunkWorkers: 5, singleWorkers: 20, fast: { warmups: 2, runs: 7 }, slow: { warmups: 0, runs: 3 } },
  streaming: { measurements: 1_000_000, pageSize: 1000, workers: 8, runs: 3 },
  coldStart: { rounds: { warmups: 1, runs: 11 } },
};

/** `--quick`: the same scenarios at a tenth of the size or less, within a minute (CI keeps the bench from rotting). */
export const quickSizes: BenchSizes = {
  paging: { objects: 2_000, pageSize: 100, latencyMs: 20, workers: 20, fast: { warmups: 1, runs: 3 }, slow: { warmups: 0, runs: 1 } },
  cpu: { objects: 4_000, pageSize: 2000, rounds: { warmups: 1, runs: 3 } },
  bulk: { measurements: 1_000, officialSubset: 100, latencyMs: 20, chunkSize: 500, chunkWorkers: 5, singleWorkers: 20, fast: { warmups: 1, runs: 3 }, slow: { warmups: 0, runs: 1 } },
  streaming: { measurements: 50_000, pageSize: 1000, workers: 8, runs: 1 },
  coldStart: { rounds: { warmups: 0, runs: 3 } },
};
