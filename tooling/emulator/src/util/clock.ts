/**
 * The emulator's notion of "now". Every timestamp an area writes (creationTime, lastUpdated, …)
 * must come from here so tests can freeze or advance time.
 */
export interface Clock {
  /** The current time. */
  now(): Date;
  /** Freezes the clock at `time` (Date, epoch ms or ISO string). */
  set(time: Date | number | string): void;
  /** Moves a frozen clock forward (or a real-time clock, by shifting its offset). */
  advance(ms: number): void;
  /** Back to wall-clock time (or to the injected `now` function). */
  useRealTime(): void;
}

/** Creates a clock; `base` replaces the wall clock (e.g. a test's fake time source). */
export function createClock(base: () => Date = () => new Date()): Clock {
  let frozen: number | undefined;
  let offset = 0;
  return {
    now: () => new Date(frozen ?? base().getTime() + offset),
    set: (time) => {
      frozen = new Date(time).getTime();
    },
    advance: (ms) => {
      if (frozen === undefined) offset += ms;
      else frozen += ms;
    },
    useRealTime: () => {
      frozen = undefined;
      offset = 0;
    },
  };
}

/** ISO 8601 with milliseconds and an offset (`Z`), the format Cumulocity returns. */
export function isoTimestamp(date: Date): string {
  return date.toISOString();
}
