/**
 * Per-emulator id source. Cumulocity ids of managed objects, alarms, events, measurements,
 * operations, applications, … are numeric strings; user groups and inventory roles use integers.
 */
export class IdGenerator {
  private counter: number;
  private readonly sequences = new Map<string, number>();

  /** @param start the first string id (Cumulocity-like ids start high; default 10000). */
  constructor(private readonly start = 10000) {
    this.counter = start;
  }

  /** Next string id from the shared counter (`"10000"`, `"10001"`, …), unique across areas. */
  next(): string {
    return String(this.counter++);
  }

  /** Next integer from a named sequence (e.g. `'group'`, `'inventoryRole'`), starting at `first`. */
  nextInt(sequence: string, first = 1): number {
    const value = this.sequences.get(sequence) ?? first;
    this.sequences.set(sequence, value + 1);
    return value;
  }

  /** Restarts every sequence (used by `emulator.reset()`). */
  reset(): void {
    this.counter = this.start;
    this.sequences.clear();
  }
}
