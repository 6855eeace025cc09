/**
 * The subset of the Cumulocity inventory query language the emulator understands (OAS tag
 * "Query language"): a small tokenizer, a recursive-descent parser and an evaluator over plain
 * JSON documents. No dependencies.
 *
 * Grammar (keywords case-insensitive):
 * ```
 * query    := part*                         part := '$filter=' expr | '$orderby=' order | expr
 * order    := path ('asc'|'desc')? (',' path ('asc'|'desc')?)*
 * expr     := and ('or' and)*
 * and      := unary ('and' unary)*
 * unary    := 'not' unary | primary
 * primary  := '(' expr ')' | func '(' args ')' | path op value
 * func     := has | hasany | bygroupid | isinhierarchyof
 * op       := eq | ne | gt | ge | lt | le
 * value    := 'string' (with '' escaping, * wildcards) | number (int, or decimal with d/f suffix)
 *           | true | false | null
 * ```
 */

import { ownValue } from '../../util/own.js';
import { wildcardMatcher } from '../../util/wildcard.js';

/** Thrown for anything the parser cannot understand (the route answers 422). */
export class QuerySyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QuerySyntaxError';
  }
}

export type CompareOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

export type Literal =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'null' };

export type Expr =
  | { readonly kind: 'and' | 'or'; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'not'; readonly expr: Expr }
  | { readonly kind: 'compare'; readonly op: CompareOp; readonly path: string; readonly value: Literal }
  | { readonly kind: 'has'; readonly fragments: readonly string[] }
  | { readonly kind: 'bygroupid' | 'isinhierarchyof'; readonly ids: readonly string[] };

export interface OrderBy {
  readonly path: string;
  readonly desc: boolean;
}

export interface ParsedQuery {
  readonly filter: Expr | undefined;
  readonly orderBy: readonly OrderBy[];
}

type Token =
  | { readonly t: 'ident'; readonly v: string; readonly pos: number }
  | { readonly t: 'string'; readonly v: string; readonly pos: number }
  | { readonly t: 'number'; readonly v: number; readonly raw: string; readonly pos: number }
  | { readonly t: '(' | ')' | ',' | '$filter' | '$orderby'; readonly pos: number };

const IDENT_START = /[A-Za-z_@]/;
const IDENT_PART = /[A-Za-z0-9_@.\-:]/;

/** Splits a query into tokens. */
export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input.charAt(i);
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ t: c, pos: i });
      i++;
    } else if (c === "'") {
      const start = i;
      let value = '';
      i++;
      for (;;) {
        if (i >= input.length) throw new QuerySyntaxError(`Unterminated string at ${start}`);
        const ch = input.charAt(i);
        if (ch === "'") {
          if (input.charAt(i + 1) === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += ch;
        i++;
      }
      tokens.push({ t: 'string', v: value, pos: start });
    } else if (c === '$') {
      const m = /^\$(filter|orderby)\s*=/i.exec(input.slice(i));
      if (!m) throw new QuerySyntaxError(`Unexpected '$' at ${i}`);
      tokens.push({ t: m[1]?.toLowerCase() === 'filter' ? '$filter' : '$orderby', pos: i });
      i += m[0].length;
    } else if (/[0-9-]/.test(c)) {
      const m = /^-?\d+(\.\d+)?([dDfF])?/.exec(input.slice(i));
      if (!m) throw new QuerySyntaxError(`Unexpected '${c}' at ${i}`);
      const after = input.charAt(i + m[0].length);
      if (after !== '' && IDENT_PART.test(after)) throw new QuerySyntaxError(`Malformed number at ${i}`);
      const raw = m[0];
      if (m[1] !== undefined && m[2] === undefined) {
        // "Decimal numbers have to be specified using a suffix f or d, otherwise the number is interpreted as a string."
        tokens.push({ t: 'string', v: raw, pos: i });
      } else {
        tokens.push({ t: 'number', v: Number(m[2] ? raw.slice(0, -1) : raw), raw, pos: i });
      }
      i += raw.length;
    } else if (IDENT_START.test(c)) {
      const start = i;
      while (i < input.length && IDENT_PART.test(input.charAt(i))) i++;
      tokens.push({ t: 'ident', v: input.slice(start, i), pos: start });
    } else {
      throw new QuerySyntaxError(`Unexpected '${c}' at ${i}`);
    }
  }
  return tokens;
}

const OPS = new Set<string>(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const FUNCS = new Set(['has', 'hasany', 'bygroupid', 'isinhierarchyof']);
const KEYWORDS = new Set(['and', 'or', 'not', 'asc', 'desc', 'true', 'false', 'null', ...OPS]);

/**
 * Deepest nesting of parentheses and `not` the parser accepts: the recursive-descent parser (and
 * the compiled predicate) recurse once per level, so unbounded nesting would exhaust the stack.
 */
export const MAX_QUERY_NESTING = 64;

class Parser {
  private i = 0;
  private nesting = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  /** Parses one nested level (a `(` or `not` at the current token), refusing more than {@link MAX_QUERY_NESTING}. */
  private nested<T>(parse: () => T): T {
    if (this.nesting >= MAX_QUERY_NESTING) throw this.error(`nesting deeper than ${MAX_QUERY_NESTING} levels`);
    this.nesting++;
    try {
      return parse();
    } finally {
      this.nesting--;
    }
  }

  parse(): ParsedQuery {
    let filter: Expr | undefined;
    let orderBy: OrderBy[] = [];
    let sawFilter = false;
    let sawOrder = false;
    while (this.peek()) {
      const tok = this.peek();
      if (tok?.t === '$orderby') {
        if (sawOrder) throw this.error('duplicate $orderby');
        sawOrder = true;
        this.i++;
        orderBy = this.orderBy();
      } else {
        if (sawFilter) throw this.error('unexpected token');
        sawFilter = true;
        if (tok?.t === '$filter') this.i++;
        // `$filter=` may be empty when only ordering follows.
        if (this.peek() && this.peek()?.t !== '$orderby') filter = this.expr();
      }
    }
    return { filter, orderBy };
  }

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.i + offset];
  }

  private error(what: string): QuerySyntaxError {
    const tok = this.peek();
    return new QuerySyntaxError(tok ? `${what} at ${tok.pos}` : `${what} at end of query`);
  }

  private isKeyword(word: string, offset = 0): boolean {
    const tok = this.peek(offset);
    return tok?.t === 'ident' && tok.v.toLowerCase() === word;
  }

  private expect(t: '(' | ')' | ','): void {
    if (this.peek()?.t !== t) throw this.error(`expected '${t}'`);
    this.i++;
  }

  private expr(): Expr {
    let left = this.and();
    while (this.isKeyword('or')) {
      this.i++;
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): Expr {
    let left = this.unary();
    while (this.isKeyword('and')) {
      this.i++;
      left = { kind: 'and', left, right: this.unary() };
    }
    return left;
  }

  private unary(): Expr {
    if (this.isKeyword('not')) {
      return this.nested(() => {
        this.i++;
        return { kind: 'not', expr: this.unary() };
      });
    }
    return this.primary();
  }

  private primary(): Expr {
    const tok = this.peek();
    if (!tok) throw this.error('expected an expression');
    if (tok.t === '(') {
      return this.nested(() => {
        this.i++;
        const inner = this.expr();
        this.expect(')');
        return inner;
      });
    }
    if (tok.t !== 'ident' || KEYWORDS.has(tok.v.toLowerCase())) throw this.error('expected a property or function');
    const name = tok.v.toLowerCase();
    if (FUNCS.has(name) && this.peek(1)?.t === '(') {
      this.i += 2;
      const args = this.args();
      if (args.length === 0) throw this.error(`${name}() needs an argument`);
      if (name === 'has') {
        if (args.length !== 1) throw this.error('has() accepts one argument');
        return { kind: 'has', fragments: args };
      }
      if (name === 'hasany') return { kind: 'has', fragments: args };
      return { kind: name === 'bygroupid' ? 'bygroupid' : 'isinhierarchyof', ids: args };
    }
    this.i++;
    const opTok = this.peek();
    if (opTok?.t !== 'ident' || !OPS.has(opTok.v.toLowerCase())) throw this.error('expected an operator');
    this.i++;
    return { kind: 'compare', op: opTok.v.toLowerCase() as CompareOp, path: tok.v, value: this.literal() };
  }

  private args(): string[] {
    const out: string[] = [];
    if (this.peek()?.t === ')') {
      this.i++;
      return out;
    }
    for (;;) {
      const tok = this.peek();
      if (tok?.t === 'ident' || tok?.t === 'string') out.push(tok.v);
      else if (tok?.t === 'number') out.push(tok.raw);
      else throw this.error('expected an argument');
      this.i++;
      if (this.peek()?.t === ',') this.i++;
      else break;
    }
    this.expect(')');
    return out;
  }

  private literal(): Literal {
    const tok = this.peek();
    if (!tok) throw this.error('expected a value');
    this.i++;
    if (tok.t === 'string') return { kind: 'string', value: tok.v };
    if (tok.t === 'number') return { kind: 'number', value: tok.v };
    if (tok.t === 'ident') {
      const word = tok.v.toLowerCase();
      if (word === 'true' || word === 'false') return { kind: 'boolean', value: word === 'true' };
      if (word === 'null') return { kind: 'null' };
    }
    this.i--;
    throw this.error('expected a value');
  }

  private orderBy(): OrderBy[] {
    const out: OrderBy[] = [];
    for (;;) {
      const tok = this.peek();
      if (tok?.t !== 'ident' || KEYWORDS.has(tok.v.toLowerCase())) throw this.error('expected a property to order by');
      this.i++;
      let desc = false;
      if (this.isKeyword('asc') || this.isKeyword('desc')) {
        desc = this.isKeyword('desc');
        this.i++;
      }
      out.push({ path: tok.v, desc });
      if (this.peek()?.t === ',') this.i++;
      else return out;
    }
  }
}

/** Parses a `query`/`q` value (`$filter=…`, `$orderby=…`, a bare expression, or both). */
export function parseQuery(input: string): ParsedQuery {
  return new Parser(tokenize(input)).parse();
}

// ---------------------------------------------------------------------------------------------
// Evaluation

/** What the evaluator needs to know about the inventory besides a document. */
export interface QueryEnvironment<T> {
  /** The JSON document of an item (`id`, `owner`, `name`, fragments, …). */
  doc(item: T): Readonly<Record<string, unknown>>;
  /** Ids of the item's direct parents by asset relation (for `bygroupid`). */
  assetParents(item: T): ReadonlySet<string>;
  /** Ids of `roots` and of all their descendants (for `isinhierarchyof`). */
  hierarchy(roots: readonly string[]): ReadonlySet<string>;
}

const ID_PATHS = new Set(['id', '_id']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Values at a dotted path (own properties only); arrays are matched by element on every level. */
export function resolvePath(doc: Readonly<Record<string, unknown>>, path: string): unknown[] {
  if (ID_PATHS.has(path)) return [doc.id];
  let current: unknown[] = [doc];
  const segments = path.split('.');
  for (const [index, segment] of segments.entries()) {
    const next: unknown[] = [];
    for (const value of current) {
      if (Array.isArray(value)) {
        for (const element of value as unknown[]) {
          if (element !== null && typeof element === 'object' && !Array.isArray(element)) {
            const v = ownValue(element, segment);
            if (v !== undefined) next.push(v);
          }
        }
      } else if (value !== null && typeof value === 'object') {
        const v = ownValue(value, segment);
        if (v !== undefined) next.push(v);
      } else if (typeof value === 'string' && segment === 'date' && index === segments.length - 1 && ISO_DATE.test(value)) {
        // `creationTime.date gt '…'`: the platform stores dates as {date, offset}; ours are ISO strings.
        next.push(value);
      }
    }
    current = next;
  }
  return current.flatMap((v) => (Array.isArray(v) ? (v as unknown[]) : [v]));
}

function compareScalars(a: unknown, b: Literal, isId: boolean): number | undefined {
  if (b.kind === 'number') {
    if (typeof a === 'number') return a - b.value;
    if (isId && typeof a === 'string' && /^\d+$/.test(a)) return Number(a) - b.value;
    return undefined;
  }
  if (b.kind === 'string') {
    if (typeof a !== 'string') return undefined;
    if (isId && /^\d+$/.test(a) && /^\d+$/.test(b.value)) return Number(a) - Number(b.value);
    if (ISO_DATE.test(a) && ISO_DATE.test(b.value)) {
      const x = Date.parse(a);
      const y = Date.parse(b.value);
      if (!Number.isNaN(x) && !Number.isNaN(y)) return x - y;
    }
    return a < b.value ? -1 : a > b.value ? 1 : 0;
  }
  if (b.kind === 'boolean') return typeof a === 'boolean' && a === b.value ? 0 : undefined;
  return undefined;
}

/**
 * `eq` of a literal: `null` matches missing or null values; a string with `*` is a
 * case-insensitive wildcard pattern (matched without RegExp, see {@link wildcardMatcher});
 * anything else compares as a scalar.
 */
function equality(literal: Literal, isId: boolean): (values: readonly unknown[]) => boolean {
  if (literal.kind === 'null') return (values) => values.length === 0 || values.some((v) => v === null);
  if (literal.kind === 'string' && literal.value.includes('*')) {
    const matches = wildcardMatcher(literal.value);
    return (values) => values.some((v) => (typeof v === 'string' || typeof v === 'number') && matches(String(v)));
  }
  return (values) => values.some((v) => compareScalars(v, literal, isId) === 0);
}

/** The operands of a chain `a and b and c` (parsed left-deep), in order, collected without recursion. */
function chainOperands(expr: Expr, kind: 'and' | 'or'): Expr[] {
  const operands: Expr[] = [];
  let current = expr;
  while (current.kind === kind) {
    operands.push(current.right);
    current = current.left;
  }
  operands.push(current);
  return operands.reverse();
}

/**
 * Compiles a filter into a predicate. `isinhierarchyof` sets are computed once, here. `and`/`or`
 * chains become one predicate over their operands, so a long chain does not nest calls.
 */
export function compileFilter<T>(expr: Expr, env: QueryEnvironment<T>): (item: T) => boolean {
  switch (expr.kind) {
    case 'and': {
      const operands = chainOperands(expr, 'and').map((e) => compileFilter(e, env));
      return (item) => operands.every((p) => p(item));
    }
    case 'or': {
      const operands = chainOperands(expr, 'or').map((e) => compileFilter(e, env));
      return (item) => operands.some((p) => p(item));
    }
    case 'not': {
      const inner = compileFilter(expr.expr, env);
      return (item) => !inner(item);
    }
    case 'has':
      return (item) => expr.fragments.some((f) => resolvePath(env.doc(item), f).length > 0);
    case 'bygroupid': {
      const ids = expr.ids;
      return (item) => {
        const parents = env.assetParents(item);
        return ids.some((id) => parents.has(id));
      };
    }
    case 'isinhierarchyof': {
      const members = env.hierarchy(expr.ids);
      return (item) => members.has(String(env.doc(item).id));
    }
    case 'compare': {
      const { op, path, value } = expr;
      const isId = ID_PATHS.has(path);
      const equals = equality(value, isId);
      return (item) => {
        const values = resolvePath(env.doc(item), path);
        if (op === 'eq') return equals(values);
        if (op === 'ne') return !equals(values);
        return values.some((v) => {
          const c = compareScalars(v, value, isId);
          if (c === undefined) return false;
          return op === 'gt' ? c > 0 : op === 'ge' ? c >= 0 : op === 'lt' ? c < 0 : c <= 0;
        });
      };
    }
  }
}

function rank(v: unknown): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number') return 1;
  if (typeof v === 'string') return 2;
  if (typeof v === 'object') return 3;
  return 4;
}

function sortKey(doc: Readonly<Record<string, unknown>>, path: string): unknown {
  const value = resolvePath(doc, path)[0];
  if (ID_PATHS.has(path) && typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return value;
}

function compareValues(a: unknown, b: unknown): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return 0;
}

/** A comparator for `$orderby` (missing values first when ascending; stable for ties). */
export function compileOrder<T>(orderBy: readonly OrderBy[], doc: (item: T) => Readonly<Record<string, unknown>>): (a: T, b: T) => number {
  return (a, b) => {
    for (const { path, desc } of orderBy) {
      const c = compareValues(sortKey(doc(a), path), sortKey(doc(b), path));
      if (c !== 0) return desc ? -c : c;
    }
    return 0;
  };
}
