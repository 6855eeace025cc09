import { InvalidInputError } from '../errors/invalid-input-error.js';
import { describeValue } from './describe-value.js';
import { idOf, type IdLike } from './id-like.js';

/**
 * A value in an OData comparison. Strings are single-quoted with `'` doubled; integers are
 * written as they are and other numbers get the `d` suffix Cumulocity requires for decimals
 * (`16.5d`); booleans and `null` are literals; a `Date` (or anything with `toJSDate()`, such as
 * a luxon `DateTime`) becomes a quoted ISO string in UTC.
 *
 * @example
 * ```ts
 * odata.eq('name', "O'Brien");           // name eq 'O''Brien'
 * odata.lt('c8y_Position.lng', 16.5);     // c8y_Position.lng lt 16.5d
 * odata.gt('creationTime.date', new Date('2025-01-01T00:00:00Z')); // creationTime.date gt '2025-01-01T00:00:00.000Z'
 * ```
 */
export type ODataValue = string | number | bigint | boolean | null | Date | { toJSDate(): Date };

/**
 * Sort direction for {@link ODataQuery.orderBy}.
 * @example odata.orderBy('name', 'desc') // $orderby=name desc
 */
export type ODataDirection = 'asc' | 'desc';

/** Kinds decide where parentheses are needed when expressions are combined. */
type Kind = 'call' | 'comparison' | 'not' | 'and' | 'or' | 'raw';

/** Property paths: dotted identifiers, nothing that could close a literal or a group. */
const PATH = /^[A-Za-z0-9_$]+(?:\.[A-Za-z0-9_$]+)*$/;
/** Ids inside function calls such as `bygroupid(…)`. */
const ID = /^[A-Za-z0-9_-]+$/;
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/**
 * One filter expression of the inventory query language, built by the {@link odata} functions.
 * Immutable; `toString()` gives its text. Combine with `odata.and/or/not`.
 *
 * @example
 * ```ts
 * const e: ODataExpression = odata.and(odata.has('c8y_IsDevice'), odata.eq('type', 'x'));
 * e.toString(); // "has(c8y_IsDevice) and type eq 'x'"
 * ```
 */
export class ODataExpression {
  /** @internal */
  readonly kind: Kind;
  /** The expression text, e.g. `name eq 'x'`. */
  readonly text: string;

  /** @internal Use the {@link odata} functions. */
  constructor(text: string, kind: Kind) {
    this.text = text;
    this.kind = kind;
    Object.freeze(this);
  }

  /** The expression text. */
  toString(): string {
    return this.text;
  }
}

/**
 * A complete value for the inventory `query`/`q` parameter: a `$filter` and/or an `$orderby`.
 * Immutable: `filter()` and `orderBy()` return new queries. `toString()` gives
 * `$filter=(<expression>) $orderby=<path> <dir>,…` (either part may be missing).
 *
 * @example
 * ```ts
 * const q: ODataQuery = odata.filter(odata.eq('name', 'My*')).orderBy('name', 'desc').orderBy('creationTime');
 * String(q); // "$filter=(name eq 'My*') $orderby=name desc,creationTime asc"
 * ```
 */
export class ODataQuery {
  /** The filter, if any. */
  readonly filterExpression: ODataExpression | undefined;
  /** `$orderby` items such as `name desc`, in order. */
  readonly ordering: readonly string[];

  /** @internal Use {@link odata.filter} or {@link odata.orderBy}. */
  constructor(filterExpression: ODataExpression | undefined, ordering: readonly string[]) {
    this.filterExpression = filterExpression;
    this.ordering = Object.freeze([...ordering]);
    Object.freeze(this);
  }

  /**
   * A new query whose filter is this one's `and` the given expression.
   *
   * @example
   * ```ts
   * odata.filter(odata.has('c8y_IsDevice')).filter(odata.eq('type', 'x')).toString();
   * // "$filter=(has(c8y_IsDevice) and type eq 'x')"
   * ```
   */
  filter(expression: ODataExpression): ODataQuery {
    const combined = this.filterExpression === undefined ? checkExpression(expression) : and(this.filterExpression, expression);
    return new ODataQuery(combined, this.ordering);
  }

  /**
   * A new query sorted additionally by `path` (`asc` by default; the direction is always written).
   *
   * @example
   * ```ts
   * odata.orderBy('name', 'desc').orderBy('creationTime').toString();
   * // '$orderby=name desc,creationTime asc'
   * ```
   */
  orderBy(path: string, direction: ODataDirection = 'asc'): ODataQuery {
    if (direction !== 'asc' && direction !== 'desc') {
      throw new InvalidInputError(`sort direction must be 'asc' or 'desc', got ${describeValue(direction)}`, { path: 'orderBy' });
    }
    return new ODataQuery(this.filterExpression, [...this.ordering, `${checkPath(path)} ${direction}`]);
  }

  /** The parameter value, e.g. `$filter=(name eq 'x') $orderby=name asc`; `''` when empty. */
  toString(): string {
    const parts: string[] = [];
    if (this.filterExpression !== undefined) parts.push(`$filter=(${this.filterExpression.text})`);
    if (this.ordering.length > 0) parts.push(`$orderby=${this.ordering.join(',')}`);
    return parts.join(' ');
  }
}

function checkExpression(value: unknown): ODataExpression {
  if (value instanceof ODataExpression) return value;
  throw new InvalidInputError(`expected an expression built with odata.*, got ${describeValue(value)}`, { path: 'odata' });
}

function checkPath(path: unknown): string {
  if (typeof path === 'string' && PATH.test(path)) return path;
  throw new InvalidInputError(
    `invalid property path ${describeValue(path)}: use letters, digits, '_', '$' and dots between names (e.g. 'c8y_Availability.status')`,
    { path: 'odata.path' },
  );
}

function checkId(value: unknown): string {
  const id = idOf(value, 'odata.id');
  if (ID.test(id)) return id;
  throw new InvalidInputError(`invalid id ${describeValue(id)}: use letters, digits, '_' and '-'`, { path: 'odata.id' });
}

/**
 * Formats a value as an OData literal (see {@link ODataValue}). Hostile strings stay one literal:
 * `x' or name eq '*` → `'x'' or name eq ''*'`.
 *
 * @example
 * ```ts
 * odata.literal("O'Brien");  // "'O''Brien'"
 * odata.literal(16.5);       // '16.5d'
 * odata.literal(10);         // '10'
 * ```
 */
function literal(value: ODataValue): string {
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
  if (typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    const text = String(value);
    if (Number.isFinite(value) && PLAIN_NUMBER.test(text)) return Number.isInteger(value) ? text : `${text}d`;
    throw new InvalidInputError(`number ${text} cannot be written in a query (finite, without exponent)`, { path: 'odata.value' });
  }
  const date = value instanceof Date ? value : typeof value === 'object' && typeof value.toJSDate === 'function' ? value.toJSDate() : undefined;
  if (date instanceof Date) {
    if (Number.isNaN(date.getTime())) throw new InvalidInputError('invalid date', { path: 'odata.value' });
    return `'${date.toISOString()}'`;
  }
  throw new InvalidInputError(`unsupported value ${describeValue(value)}`, { path: 'odata.value' });
}

function comparison(operator: string, path: string, value: ODataValue): ODataExpression {
  return new ODataExpression(`${checkPath(path)} ${operator} ${literal(value)}`, 'comparison');
}

type Operand = ODataExpression | undefined | null | false;

function operandsOf(operator: string, operands: readonly Operand[]): ODataExpression[] {
  const present = operands.filter((operand): operand is ODataExpression => operand !== undefined && operand !== null && operand !== false);
  if (present.length === 0) throw new InvalidInputError(`${operator}() needs at least one expression`, { path: 'odata' });
  return present.map(checkExpression);
}

function group(operator: 'and' | 'or', operands: readonly Operand[]): ODataExpression {
  const parts = operandsOf(operator, operands);
  if (parts.length === 1 && parts[0] !== undefined) return parts[0];
  const texts = parts.map((part) => {
    if (part.kind === operator) return part.text; // associative: flatten
    if (part.kind === 'and' || part.kind === 'or' || part.kind === 'raw') return `(${part.text})`;
    return part.text;
  });
  return new ODataExpression(texts.join(` ${operator} `), operator);
}

function call(name: string, args: readonly string[]): ODataExpression {
  if (args.length === 0) throw new InvalidInputError(`${name}() needs at least one argument`, { path: 'odata' });
  return new ODataExpression(`${name}(${args.join(',')})`, 'call');
}

// The operations are separate functions so that a bundle keeps only those it uses: the query
// builder (`buildQueryParams`) imports `eq`, `has`, `bygroupid`, `and`, `filter` and `orderBy`
// directly, the ready-made conditions (`odataConditions`) `eq`, `ge`, `le` and `or`; only an app
// that uses the `odata` object pays for all of them.

/** `path eq value`. @internal Use `odata.eq`. @example eq('name', 'x') // "name eq 'x'" */
export function eq(path: string, value: ODataValue): ODataExpression {
  return comparison('eq', path, value);
}

/** `path ge value`. @internal Use `odata.ge`. @example ge('creationTime.date', '2025-01-01') // "creationTime.date ge '2025-01-01'" */
export function ge(path: string, value: ODataValue): ODataExpression {
  return comparison('ge', path, value);
}

/** `path le value`. @internal Use `odata.le`. @example le('count', 100) // 'count le 100' */
export function le(path: string, value: ODataValue): ODataExpression {
  return comparison('le', path, value);
}

/** All operands. @internal Use `odata.and`. @example and(has('a'), eq('b', 1)) // 'has(a) and b eq 1' */
export function and(...operands: Operand[]): ODataExpression {
  return group('and', operands);
}

/** Any operand. @internal Use `odata.or`. @example or(eq('a', 1), eq('a', 2)) // 'a eq 1 or a eq 2' */
export function or(...operands: Operand[]): ODataExpression {
  return group('or', operands);
}

function not(operand: ODataExpression): ODataExpression {
  const expression = checkExpression(operand);
  return new ODataExpression(expression.kind === 'call' ? `not ${expression.text}` : `not (${expression.text})`, 'not');
}

/** Objects with the fragment. @internal Use `odata.has`. @example has('c8y_IsDevice') // 'has(c8y_IsDevice)' */
export function has(fragment: string): ODataExpression {
  return call('has', [checkPath(fragment)]);
}

/** Members of any of the groups. @internal Use `odata.bygroupid`. @example bygroupid('12') // 'bygroupid(12)' */
export function bygroupid(...ids: IdLike[]): ODataExpression {
  return call('bygroupid', ids.map(checkId));
}

/** A query with this filter. @internal Use `odata.filter`. @example String(filter(has('x'))) // '$filter=(has(x))' */
export function filter(expression: ODataExpression): ODataQuery {
  return new ODataQuery(checkExpression(expression), []);
}

/** A query sorted by `path`. @internal Use `odata.orderBy`. @example String(orderBy('name')) // '$orderby=name asc' */
export function orderBy(path: string, direction: ODataDirection = 'asc'): ODataQuery {
  return new ODataQuery(undefined, []).orderBy(path, direction);
}

/**
 * A builder for the inventory query language (`query` / `q` parameters). Paths are checked
 * against a strict pattern and values are escaped, so user input cannot inject syntax;
 * invalid input throws `InvalidInputError`.
 *
 * Expressions: `eq ne gt ge lt le` (path, value), `and/or` (any number of expressions;
 * `undefined`/`null`/`false` operands are skipped, for optional conditions), `not`, the functions
 * `has hasany bygroupid isinhierarchyof`, and `raw` (unchecked text). Queries: `filter(expr)` and
 * `orderBy(path, dir)`, chainable. `ne` is written as `not (path eq value)` because Cumulocity
 * documents no `ne` operator.
 *
 * @example
 * ```ts
 * const q = odata
 *   .filter(odata.and(odata.has('c8y_IsDevice'), odata.eq('name', 'My*'), odata.gt('c8y_Battery.level', 20.5)))
 *   .orderBy('name', 'desc')
 *   .orderBy('creationTime');
 * String(q);
 * // "$filter=(has(c8y_IsDevice) and name eq 'My*' and c8y_Battery.level gt 20.5d) $orderby=name desc,creationTime asc"
 * await getAll(client, inventory, { query: q });
 * ```
 */
export const odata = /* @__PURE__ */ Object.freeze({
  /** `path eq value`. @example odata.eq('name', "x' or name eq '*") // "name eq 'x'' or name eq ''*'" */
  eq,
  /** `not (path eq value)`. @example odata.ne('type', 'x') // "not (type eq 'x')" */
  ne: (path: string, value: ODataValue): ODataExpression => not(eq(path, value)),
  /** `path gt value`. @example odata.gt('c8y_Temp.value', 20) // 'c8y_Temp.value gt 20' */
  gt: (path: string, value: ODataValue): ODataExpression => comparison('gt', path, value),
  /** `path ge value`. @example odata.ge('creationTime.date', new Date(0)) */
  ge,
  /** `path lt value`. @example odata.lt('c8y_Position.lng', 16.5) // 'c8y_Position.lng lt 16.5d' */
  lt: (path: string, value: ODataValue): ODataExpression => comparison('lt', path, value),
  /** `path le value`. @example odata.le('count', 100) // 'count le 100' */
  le,
  /** All operands. @example odata.and(odata.has('a'), odata.eq('b', 1)) // 'has(a) and b eq 1' */
  and,
  /** Any operand. @example odata.or(odata.eq('a', 1), odata.eq('a', 2)) // 'a eq 1 or a eq 2' */
  or,
  /** Negation. @example odata.not(odata.has('c8y_IsDevice')) // 'not has(c8y_IsDevice)' */
  not,
  /** Objects with the fragment. @example odata.has('c8y_IsDevice') // 'has(c8y_IsDevice)' */
  has,
  /** Objects with any of the fragments. @example odata.hasany('a', 'b') // 'hasany(a,b)' */
  hasany: (...fragments: string[]): ODataExpression => call('hasany', fragments.map(checkPath)),
  /** Members of any of the groups. @example odata.bygroupid('12', { id: 23 }) // 'bygroupid(12,23)' */
  bygroupid,
  /** The objects and their descendants. @example odata.isinhierarchyof('12') // 'isinhierarchyof(12)' */
  isinhierarchyof: (...ids: IdLike[]): ODataExpression => call('isinhierarchyof', ids.map(checkId)),
  /**
   * Unchecked expression text, for syntax the builder lacks. **Never pass user input.**
   * @example odata.and(odata.raw("creationTime.date gt '2025-01-01'"), odata.has('x'))
   */
  raw: (text: string): ODataExpression => {
    if (typeof text !== 'string' || text.trim() === '') throw new InvalidInputError('raw() needs a non-empty string', { path: 'odata' });
    return new ODataExpression(text, 'raw');
  },
  /** Formats one literal. @example odata.literal("O'Brien") // "'O''Brien'" */
  literal,
  /** A query with this filter. @example String(odata.filter(odata.eq('name', 'x'))) // "$filter=(name eq 'x')" */
  filter,
  /** A query sorted by `path`. @example String(odata.orderBy('name')) // '$orderby=name asc' */
  orderBy,
});

/**
 * Whether a value is an expression or query from the {@link odata} builder.
 *
 * @example
 * ```ts
 * isODataBuilt(odata.has('x'));  // true
 * isODataBuilt("name eq 'x'");   // false
 * ```
 */
export function isODataBuilt(value: unknown): value is ODataExpression | ODataQuery {
  return value instanceof ODataExpression || value instanceof ODataQuery;
}
