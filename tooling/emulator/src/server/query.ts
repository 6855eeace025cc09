/**
 * Parsed query string that keeps repeated keys (`k=a&k=b`). `+` decodes to a space, as on the
 * platform (clients must send a literal plus as `%2B`).
 *
 * Keys are request input: they are kept in a `Map` and returned in null-prototype objects, so
 * names such as `constructor`, `toString` or `__proto__` are ordinary keys and never meet
 * `Object.prototype`.
 */
export class QueryParams {
  private readonly pairs: ReadonlyArray<readonly [string, string]>;
  private readonly byKey = new Map<string, string[]>();

  constructor(search: string | URLSearchParams) {
    const params = typeof search === 'string' ? new URLSearchParams(search.replace(/^\?/, '')) : search;
    this.pairs = [...params.entries()];
    for (const [k, v] of this.pairs) {
      const values = this.byKey.get(k);
      if (values) values.push(v);
      else this.byKey.set(k, [v]);
    }
  }

  /** First value of `key`. */
  get(key: string): string | undefined {
    return this.byKey.get(key)?.[0];
  }

  /** Every value of `key`, in order. */
  getAll(key: string): string[] {
    return [...(this.byKey.get(key) ?? [])];
  }

  has(key: string): boolean {
    return this.byKey.has(key);
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

  /**
   * `{key: value}`, or `{key: [v1, v2]}` for repeated keys (the request-log form), as a
   * null-prototype object in first-appearance order.
   */
  toRecord(): Record<string, string | string[]> {
    const out = Object.create(null) as Record<string, string | string[]>;
    for (const [k, values] of this.byKey) out[k] = values.length === 1 ? (values[0] ?? '') : [...values];
    return out;
  }

  /**
   * A new query string with `overrides` replacing (or appending) keys; `undefined` removes a key.
   * Only the own properties of `overrides` count (a query key `constructor` is not overridden by
   * `Object.prototype.constructor`).
   */
  toString(overrides: Readonly<Record<string, string | number | undefined>> = {}): string {
    const replace = new Map(Object.entries(overrides));
    const out = new URLSearchParams();
    const done = new Set<string>();
    for (const [k, v] of this.pairs) {
      if (replace.has(k)) {
        if (done.has(k)) continue;
        done.add(k);
        const o = replace.get(k);
        if (o !== undefined) out.append(k, String(o));
      } else out.append(k, v);
    }
    for (const [k, o] of replace) if (!done.has(k) && o !== undefined) out.append(k, String(o));
    return out.toString();
  }
}
