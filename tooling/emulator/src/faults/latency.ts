import { mulberry32, type Random } from '../util/random.js';

/** Fixed latency in ms, or a range jittered uniformly with the seeded PRNG. */
export type LatencySpec = number | { min: number; max: number };

/** Per-request artificial latency. */
export class Latency {
  private random: Random;
  private spec: LatencySpec;

  constructor(
    private readonly seed: number,
    private readonly initial: LatencySpec = 0,
  ) {
    this.random = mulberry32(seed);
    this.spec = initial;
  }

  /** Changes the latency at runtime (`0` turns it off). */
  set(spec: LatencySpec): void {
    this.spec = spec;
  }

  get current(): LatencySpec {
    return this.spec;
  }

  /** Delay for the next request. */
  next(): number {
    const s = this.spec;
    if (typeof s === 'number') return s;
    return s.min + Math.floor(this.random() * (s.max - s.min + 1));
  }

  /** Back to the option value and the seed. */
  reset(): void {
    this.spec = this.initial;
    this.random = mulberry32(this.seed);
  }
}
