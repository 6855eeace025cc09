import { InvalidInputError } from '../errors/invalid-input-error.js';

/**
 * One value to read: a dot path (`'c8y_Temperature.T.value'`), or a path with a default for missing values.
 *
 * @example
 * ```ts
 * const specs: ValueSpec[] = ['id', ['c8y_Temperature.T.value', 0]];
 * ```
 */
export type ValueSpec = string | readonly [path: string, fallback: unknown];

/**
 * What `asValues` accepts: a dot path → one value per item; an array of paths (each optionally
 * `[path, default]`) → one tuple per item, in the given order.
 *
 * @example
 * ```ts
 * await getAll(client, inventory, { type: 'c8y_Device' }, { asValues: 'name' });                  // ['a', 'b', …]
 * await getAll(client, inventory, { type: 'c8y_Device' }, { asValues: ['id', ['name', '-']] });   // [['1', 'a'], …]
 * ```
 */
export type AsValues = string | readonly ValueSpec[];

type Step<J, K extends string> = unknown extends J
  ? unknown
  : J extends null | undefined
    ? undefined
    : J extends readonly unknown[]
      ? K extends `${number}`
        ? J[number] | undefined
        : undefined
      : J extends object
        ? string extends keyof J
          ? J[string & keyof J] | undefined // an index signature: the key may be missing
          : K extends keyof J
            ? J[K]
            : undefined
        : undefined;

/**
 * The type at a dot path of a JSON type: exact where `J` declares the keys, the index type or
 * `undefined` where it is open (`JsonObject` → `JsonValue | undefined`), `undefined` where the
 * path cannot exist.
 *
 * @example
 * ```ts
 * type T = PathValue<{ c8y_Temperature: { T: { value: number } } }, 'c8y_Temperature.T.value'>; // number
 * type U = PathValue<JsonObject, 'a.b'>;                                                         // JsonValue | undefined
 * ```
 */
export type PathValue<J, P extends string> = P extends `${infer K}.${infer Rest}` ? PathValue<Step<J, K>, Rest> : Step<J, P>;

type Widen<D> = D extends string ? string : D extends number ? number : D extends boolean ? boolean : D;

/**
 * The type one {@link ValueSpec} reads from `J`: a default replaces `undefined` and widens the type.
 *
 * @example
 * ```ts
 * type V = ValueOf<{ name?: string }, readonly ['name', 0]>; // string | number
 * ```
 */
export type ValueOf<J, S> = S extends string
  ? PathValue<J, S>
  : S extends readonly [infer P extends string, infer D]
    ? Exclude<PathValue<J, P>, undefined> | Widen<D>
    : unknown;

/**
 * The item type under `asValues: A` for items of JSON type `J`: a value for a path, a tuple for
 * an array. With an open `J` (the default) elements are `unknown`.
 *
 * @example
 * ```ts
 * type Row = ValuesOf<{ id: string; name?: string }, readonly ['id', readonly ['name', '-']]>; // [string, string]
 * ```
 */
export type ValuesOf<J, A> = A extends string
  ? PathValue<J, A>
  : A extends readonly unknown[]
    ? { -readonly [I in keyof A]: ValueOf<J, A[I]> }
    : unknown;

type Getter = (json: unknown) => unknown;

function readPath(json: unknown, segments: readonly string[]): unknown {
  let current = json;
  for (const segment of segments) {
    if (typeof current !== 'object' || current === null) return undefined;
    if (Array.isArray(current)) {
      if (!/^\d+$/.test(segment)) return undefined;
      current = current[Number(segment)];
    } else {
      current = Object.hasOwn(current, segment) ? (current as Record<string, unknown>)[segment] : undefined;
    }
  }
  return current;
}

/** A dot path → its reader. Segments are read one by one the same way, the first one included. */
function compilePath(path: unknown, where: string): Getter {
  if (typeof path !== 'string' || path === '') throw new InvalidInputError('expected a non-empty dot path such as "c8y_Temperature.T.value"', { path: where });
  const segments = path.split('.');
  if (segments.some((segment) => segment === '')) throw new InvalidInputError(`${JSON.stringify(path)} has an empty segment`, { path: where });
  return (json) => readPath(json, segments);
}

function compileOne(spec: unknown, where: string): Getter {
  if (!Array.isArray(spec)) return compilePath(spec, where);
  if (spec.length !== 2) throw new InvalidInputError(`expected a path or [path, default], got an array of ${spec.length}`, { path: where });
  const [path, fallback] = spec as [unknown, unknown];
  const read = compilePath(path, where);
  return (json) => {
    const value = read(json);
    return value === undefined ? fallback : value;
  };
}

/**
 * Compiles an `asValues` option once into a function from an item's JSON to its value (a path)
 * or tuple (an array). Paths split on `.`; a missing key, or a non-object on the way, gives the
 * default (else `undefined`); a present `null` stays `null`; integer segments index arrays.
 *
 * @throws InvalidInputError naming `asValues` for an empty path, an empty segment or a bad spec.
 *
 * @example
 * ```ts
 * const toRow = compileAsValues(['id', ['name', '-'], 'c8y_Temperature.T.value']);
 * toRow({ id: '1', c8y_Temperature: { T: { value: 21.5 } } }); // ['1', '-', 21.5]
 * compileAsValues('type')({ type: 'c8y_Device' });              // 'c8y_Device'
 * ```
 */
export function compileAsValues(spec: AsValues): (json: unknown) => unknown {
  if (typeof spec === 'string') return compileOne(spec, 'asValues');
  if (!Array.isArray(spec)) throw new InvalidInputError('expected a path or an array of paths', { path: 'asValues' });
  if (spec.length === 0) throw new InvalidInputError('expected at least one path', { path: 'asValues' });
  const getters = spec.map((item: unknown, index) => compileOne(item, `asValues[${index}]`));
  return (json) => getters.map((get) => get(json));
}
