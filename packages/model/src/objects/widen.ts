/**
 * The type `get(path, defaultValue)` returns: the default's type, widened from a literal
 * (`42` → `number`, `'x'` → `string`, `true` → `boolean`).
 *
 * @example
 * ```ts
 * const n: number = device.get('c8y_Fragment.value', 42);
 * ```
 */
export type Widen<T> = T extends string ? string : T extends number ? number : T extends boolean ? boolean : T;
