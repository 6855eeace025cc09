/**
 * Parsed query string that keeps repeated keys (`k=a&k=b`). `+` decodes to a space, as on the
 * platform (clients must send a literal plus as `%2B`).
 */
export class QueryParams {
  private readonly pairs: ReadonlyArray<readonly [string, string]>;

  constructor(search: string | URLSearchParams) {
    const params = typeof search === 'string' ? new URLSearchParams(search.replace(/^\?/, '')) : search;
    this.pairs = [...params.entries()];
  }

  /** First value of `key`. */
  get(key: string): string | undefined {
    return this.pairs.find(([k]) => k === key)?.[1];
  }

  /** Every value of `key`, in order. */
  getAll(key: string): string[] {
    return this.pairs.filter(([k]) => k === key).map(([, v]) => v);
  }

  has(key: string): boolean {
    return this.pairs.some(([k]) => k === key);
  }

  /** `true`/`false` (case-insensitive); anything else → `fallback`. */
  bool(key: string, fallback = false): boolean {
    const v = this.get(key)?.toLowerCase();
    return v === 'true' ? true : v === 'false' ? false : fallback;
  }

  /** All pairs in request order. */
  entries(): Array<[string, string]> {
    return this.pairs.map(([k, v]) => [k, v]);
  }

  /** `{key: value}`, or `{key: [v1, v2]}` for repeated keys (the request-log form). */
  toRecord(): Record<string, string | string[]> {
    const out: Record<string, string | string[]> = {};
    for (const [k, v] of this.pairs) {
      const prev = out[k];
      out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    return out;
  }

  /** A new query string with `overrides` replacing (or appending) keys; `undefined` removes a key. */
  toString(overrides: Record<string, string | number | undefined> = {}): string {
    const out = new URLSearchParams();
    const done = new Set<string>();
    for (const [k, v] of this.pairs) {
      if (k in overrides) {
        if (done.has(k)) continue;
        done.add(k);
        const o = overrides[k];
        if (o !== undefined) out.append(k, String(o));
      } else out.append(k, v);
    }
    for (const [k, o] of Object.entries(overrides)) if (!done.has(k) && o !== undefined) out.append(k, String(o));
    return out.toString();
  }
}
