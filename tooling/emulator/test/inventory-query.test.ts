import { describe, expect, it } from '@jest/globals';
import {
  compileFilter,
  compileOrder,
  parseQuery,
  QuerySyntaxError,
  resolvePath,
  tokenize,
  type QueryEnvironment,
} from '../src/areas/inventory/query.js';

interface Item {
  doc: Record<string, unknown>;
  groups: string[];
  children: string[];
}

const items: Item[] = [
  { doc: { id: '1', name: 'Dev001', type: 'sensor', owner: 'manga', num: 5, temp: 20.5, c8y_IsDevice: {}, tags: ['a', 'b'], creationTime: '2024-01-01T10:00:00.000Z' }, groups: ['10'], children: ['2'] },
  { doc: { id: '2', name: 'dev002', type: 'sensor', owner: 'admin', num: 15, temp: 30, c8y_IsDevice: {}, customers: [{ id: '123' }, { id: '456' }], creationTime: '2024-02-01T10:00:00.000+01:00' }, groups: ['10', '11'], children: [] },
  { doc: { id: '3', name: "O'Brien box", type: 'box', owner: 'admin', num: 25, c8y_Position: { lat: 10, lng: 16.2 }, creationTime: '2024-03-01T10:00:00.000Z' }, groups: [], children: ['4'] },
  { doc: { id: '4', name: 'Controller 1', type: 'c8y_Firmware', owner: 'manga', flag: true, nested: { a: { b: 'deep' } }, creationTime: '2024-04-01T10:00:00.000Z' }, groups: ['11'], children: [] },
  { doc: { id: '10', name: 'Group A', type: 'c8y_DeviceGroup', owner: 'admin', c8y_IsDeviceGroup: {}, empty: null }, groups: [], children: ['1', '2'] },
];

const env: QueryEnvironment<Item> = {
  doc: (i) => i.doc,
  assetParents: (i) => new Set(i.groups),
  hierarchy: (roots) => {
    const out = new Set<string>();
    const queue = [...roots];
    while (queue.length > 0) {
      const id = queue.pop() as string;
      const item = items.find((i) => i.doc.id === id);
      if (!item || out.has(id)) continue;
      out.add(id);
      queue.push(...item.children);
    }
    return out;
  },
};

function run(query: string): string[] {
  const parsed = parseQuery(query);
  const predicate = parsed.filter ? compileFilter(parsed.filter, env) : () => true;
  const result = items.filter(predicate);
  if (parsed.orderBy.length > 0) result.sort(compileOrder(parsed.orderBy, env.doc));
  return result.map((i) => String(i.doc.id));
}

describe('inventory query language: tokenizer', () => {
  it('splits strings with escaped quotes, numbers with suffixes, $filter/$orderby and punctuation', () => {
    const tokens = tokenize("$filter=(name eq 'O''Brien' and x gt 16.5d) $orderby=name desc, y");
    expect(tokens.map((t) => ('v' in t ? `${t.t}:${String(t.v)}` : t.t))).toEqual([
      '$filter',
      '(',
      'ident:name',
      'ident:eq',
      "string:O'Brien",
      'ident:and',
      'ident:x',
      'ident:gt',
      'number:16.5',
      ')',
      '$orderby',
      'ident:name',
      'ident:desc',
      ',',
      'ident:y',
    ]);
  });

  it('reads an unsuffixed decimal as a string (spec) and integers/negatives as numbers', () => {
    expect(tokenize('6.6')).toEqual([{ t: 'string', v: '6.6', pos: 0 }]);
    expect(tokenize('-3')).toEqual([{ t: 'number', v: -3, raw: '-3', pos: 0 }]);
    expect(tokenize('2f')).toEqual([{ t: 'number', v: 2, raw: '2f', pos: 0 }]);
  });

  it('rejects unterminated strings and stray characters', () => {
    expect(() => tokenize("name eq 'abc")).toThrow(QuerySyntaxError);
    expect(() => tokenize('name eq #')).toThrow(QuerySyntaxError);
    expect(() => tokenize('12abc')).toThrow(QuerySyntaxError);
  });
});

describe('inventory query language: parser', () => {
  it('builds precedence: and binds tighter than or; not is unary', () => {
    expect(parseQuery("a eq 1 or b eq 2 and not has(c)").filter).toEqual({
      kind: 'or',
      left: { kind: 'compare', op: 'eq', path: 'a', value: { kind: 'number', value: 1 } },
      right: {
        kind: 'and',
        left: { kind: 'compare', op: 'eq', path: 'b', value: { kind: 'number', value: 2 } },
        right: { kind: 'not', expr: { kind: 'has', fragments: ['c'] } },
      },
    });
  });

  it('parses $orderby alone, after $filter, with several keys', () => {
    expect(parseQuery('$orderby=id asc')).toEqual({ filter: undefined, orderBy: [{ path: 'id', desc: false }] });
    expect(parseQuery("$filter=name eq 'x' $orderby=name desc, type").orderBy).toEqual([
      { path: 'name', desc: true },
      { path: 'type', desc: false },
    ]);
    expect(parseQuery("name eq 'x' $orderby=name").filter).toBeDefined();
  });

  it('keywords and function names are case-insensitive', () => {
    expect(parseQuery("NAME EQ 'x' AND HAS(c8y_IsDevice)").filter?.kind).toBe('and');
  });

  it.each([
    ['empty parentheses', '()'],
    ['missing value', 'name eq'],
    ['missing operator', "name 'x'"],
    ['unknown operator', "name like 'x'"],
    ['dangling and', "name eq 'x' and"],
    ['unbalanced parenthesis', "(name eq 'x'"],
    ['extra closing parenthesis', "name eq 'x')"],
    ['has with two arguments', 'has(a,b)'],
    ['has without argument', 'has()'],
    ['orderby without property', '$orderby='],
    ['two filters', "name eq 'x' name eq 'y'"],
    ['keyword as property', "and eq 'x'"],
    ['garbage', '!!!'],
  ])('rejects %s', (_, q) => {
    expect(() => parseQuery(q)).toThrow(QuerySyntaxError);
  });
});

describe('inventory query language: evaluation', () => {
  it.each([
    ["name eq 'Dev001'", ['1']],
    ["name eq 'dev001'", []], // exact equality is case-sensitive
    ["name eq 'dev*'", ['1', '2']], // wildcards are case-insensitive
    ["name eq '*1'", ['1', '4']],
    ["name eq '*'", ['1', '2', '3', '4', '10']],
    ["name eq 'O''Brien box'", ['3']], // '' escapes a quote
    ["name ne 'Dev001'", ['2', '3', '4', '10']],
    ['num gt 5', ['2', '3']],
    ['num ge 15', ['2', '3']],
    ['num lt 15', ['1']],
    ['num le 15', ['1', '2']],
    ['temp gt 20.4d', ['1', '2']],
    ['temp lt 30f', ['1']],
    ['temp eq 20.5', []], // unsuffixed decimal is a string: no number matches it
    ['c8y_Position.lng gt 10 and c8y_Position.lng lt 16.5d', ['3']],
    ["type eq 'sensor' and owner eq 'manga'", ['1']],
    ["type eq 'box' or owner eq 'manga'", ['1', '3', '4']],
    ["(type eq 'sensor') and (num eq 5 or num eq 15)", ['1', '2']],
    ["not(type eq 'sensor')", ['3', '4', '10']],
    ['not has(c8y_IsDevice)', ['3', '4', '10']],
    ['has(c8y_IsDevice)', ['1', '2']],
    ['hasany(c8y_IsDeviceGroup,c8y_Position)', ['3', '10']],
    ['has(c8y_Position.lat)', ['3']],
    ["tags eq 'b'", ['1']], // arrays match by element
    ["customers.id eq '456'", ['2']], // arrays of objects
    ["nested.a.b eq 'deep'", ['4']],
    ['flag eq true', ['4']],
    ['flag eq false', []],
    ['empty eq null', ['1', '2', '3', '4', '10']], // missing or null
    ['name eq null', []],
    ['bygroupid(10)', ['1', '2']],
    ['bygroupid(11,12)', ['2', '4']],
    ["bygroupid('11')", ['2', '4']],
    ['isinhierarchyof(10)', ['1', '2', '10']],
    ['isinhierarchyof(3)', ['3', '4']],
    ["creationTime.date gt '2024-02-01T09:30:00.000Z'", ['3', '4']], // 10:00+01:00 is 09:00Z: compared as instants, not text
    ["creationTime.date lt '2024-02-01T09:30:00+00:00'", ['1', '2']],
    ["creationTime lt '2024-01-15T00:00:00Z'", ['1']],
    ['id eq 3', ['3']],
    ["_id gt '3'", ['4', '10']], // ids compare numerically
    ["$filter=(owner eq 'manga')", ['1', '4']],
  ])('%s', (query, expected) => {
    expect(run(query)).toEqual(expected);
  });

  it.each([
    ['$orderby=name', ['4', '1', '10', '3', '2']], // byte order: uppercase before lowercase
    ['$orderby=name desc', ['2', '3', '10', '1', '4']],
    ['$orderby=num desc', ['3', '2', '1', '4', '10']], // missing values last when descending
    ['$orderby=num', ['4', '10', '1', '2', '3']], // missing first when ascending, stable
    ['$orderby=id desc', ['10', '4', '3', '2', '1']], // numeric id order
    ["$filter=type eq 'sensor' $orderby=num desc", ['2', '1']],
    ['$orderby=owner, name desc', ['2', '3', '10', '1', '4']],
  ])('%s', (query, expected) => {
    expect(run(query)).toEqual(expected);
  });

  it('resolvePath flattens arrays on every level', () => {
    expect(resolvePath({ a: [{ b: [1, 2] }, { b: 3 }] }, 'a.b')).toEqual([1, 2, 3]);
    expect(resolvePath({ a: { b: null } }, 'a.b')).toEqual([null]);
    expect(resolvePath({}, 'a.b')).toEqual([]);
  });
});
