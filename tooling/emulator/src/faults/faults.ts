import { mulberry32, type Random } from '../util/random.js';

/** Which requests a fault applies to. Omitted fields match everything. */
export interface FaultMatch {
  /** HTTP method (case-insensitive) or a RegExp on it. */
  method?: string | RegExp;
  /** RegExp (or RegExp source) tested against the request path (no query string). */
  path?: string | RegExp;
  /** Tenant id the request is addressed to (by its credentials or host). */
  tenant?: string;
  /** Trigger this many times, then the fault is spent (default: unlimited). */
  times?: number;
  /** Chance per matching request, drawn from the seeded PRNG (default 1). */
  probability?: number;
}

/** 429 Too Many Requests with a `Retry-After` header. */
export interface RateLimitFault extends FaultMatch {
  kind: 'rateLimit';
  /** Seconds for `Retry-After` (default 1). */
  retryAfter?: number;
}

/** An error status (typically 500/502/503/504) with a Cumulocity error body. */
export interface ErrorFault extends FaultMatch {
  kind: 'error';
  status: number;
  message?: string;
}

/** The socket is destroyed without a response. */
export interface DropFault extends FaultMatch {
  kind: 'drop';
  /** `before` the handler runs (default) or `after` it (state changed, response lost). */
  phase?: 'before' | 'after';
}

/** Headers go out at once, the body trickles in chunks. */
export interface SlowBodyFault extends FaultMatch {
  kind: 'slowBody';
  /** Bytes per chunk (default 16). */
  chunkSize?: number;
  /** Pause between chunks (default 20 ms). */
  chunkDelayMs?: number;
}

/** Extra delay before handling (on top of the global latency). */
export interface DelayFault extends FaultMatch {
  kind: 'delay';
  ms: number;
}

/** A fault rule for `options.faults` / `emulator.faults.add()`. */
export type FaultRule = RateLimitFault | ErrorFault | DropFault | SlowBodyFault | DelayFault;

/** A registered rule. */
export interface FaultHandle {
  readonly rule: FaultRule;
  /** How often the rule has fired. */
  readonly hits: number;
  /** Unregisters the rule. */
  remove(): void;
}

interface Entry {
  rule: FaultRule;
  hits: number;
  path: RegExp | undefined;
}

/**
 * Runtime-configurable fault injection. Rules are checked in the order added; the first that
 * matches and fires wins. Probabilities draw from a PRNG seeded from the emulator seed and only
 * when a rule matches, so the same seed and request sequence produce the same faults.
 */
export class FaultInjector {
  private entries: Entry[] = [];
  private random: Random;

  constructor(
    private readonly seed: number,
    private readonly initial: readonly FaultRule[] = [],
  ) {
    this.random = mulberry32(seed);
    this.reset();
  }

  /** Adds a rule. */
  add(rule: FaultRule): FaultHandle {
    const entry: Entry = { rule, hits: 0, path: typeof rule.path === 'string' ? new RegExp(rule.path) : rule.path };
    this.entries.push(entry);
    return {
      rule,
      get hits() {
        return entry.hits;
      },
      remove: () => {
        this.entries = this.entries.filter((e) => e !== entry);
      },
    };
  }

  /** Removes every rule (including those from the options). */
  clear(): void {
    this.entries = [];
  }

  /** The active rules. */
  list(): FaultRule[] {
    return this.entries.map((e) => e.rule);
  }

  /** Restores the option rules and reseeds the PRNG. */
  reset(): void {
    this.entries = [];
    this.random = mulberry32(this.seed);
    for (const rule of this.initial) this.add(rule);
  }

  /** The fault to apply to a request, if any (consumes `times` and PRNG draws). */
  pick(method: string, path: string, tenant: string | undefined): FaultRule | undefined {
    for (const entry of this.entries) {
      const { rule } = entry;
      if (rule.times !== undefined && entry.hits >= rule.times) continue;
      if (rule.method !== undefined) {
        const ok = typeof rule.method === 'string' ? rule.method.toUpperCase() === method : rule.method.test(method);
        if (!ok) continue;
      }
      if (entry.path && !entry.path.test(path)) continue;
      if (rule.tenant !== undefined && rule.tenant !== tenant) continue;
      if (rule.probability !== undefined && rule.probability < 1 && this.random() >= rule.probability) continue;
      entry.hits++;
      return rule;
    }
    return undefined;
  }
}
