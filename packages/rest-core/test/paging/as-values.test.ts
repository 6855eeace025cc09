import { afterEach, describe, expect, it } from '@jest/globals';
import { compileAsValues, getAll, select, type JsonObject, type PagedIterable, type PathValue, type ValuesOf } from '../../src/paging/index.js';
import type { JsonValue } from '../../src/json/json-types.js';
import { assertType, type Equal } from '../helpers/type-assertions.js';
import { inventory, startServer, type CollectionServer } from './helpers.js';

const objects = [
  { name: 'n1', type: 't1', test_Fragment: { key: 'value1', key2: 'value2' }, list: [{ a: 1 }] },
  { name: 'n2', type: 't2', test_Fragment: { key: 'value2' }, nothing: null },
];

describe('compileAsValues (ported from c8y_api test expectations)', () => {
  it('reads tuples of dot paths; missing values are undefined or the default', () => {
    const row = compileAsValues(['name', 'type', 'test_Fragment.key', 'test_Fragment.key2']);
    expect(objects.map(row)).toEqual([
      ['n1', 't1', 'value1', 'value2'],
      ['n2', 't2', 'value2', undefined],
    ]);
    const withDefault = compileAsValues(['name', ['test_Fragment.key2', '-']]);
    expect(objects.map(withDefault)).toEqual([
      ['n1', 'value2'],
      ['n2', '-'],
    ]);
  });

  it('a single path gives values', () => {
    expect(objects.map(compileAsValues('type'))).toEqual(['t1', 't2']);
  });

  it('null stays null; non-objects on the way give the default; integer segments index arrays; inherited keys are not read', () => {
    const row = compileAsValues([['nothing', 'd'], ['name.deeper', 'd'], 'list.0.a', ['list.x', 'd'], ['constructor', 'd'], ['toString', 'd']]);
    expect(row(objects[1])).toEqual([null, 'd', undefined, 'd', 'd', 'd']);
    expect(row(objects[0])).toEqual(['d', 'd', 1, 'd', 'd', 'd']);
  });

  it.each([
    [[], 'asValues: expected at least one path'],
    [[''], 'asValues[0]: expected a non-empty dot path'],
    [['a..b'], 'asValues[0]: "a..b" has an empty segment'],
    [[['a', 1, 2]], 'asValues[0]: expected a path or [path, default], got an array of 3'],
    [[42], 'asValues[0]: expected a non-empty dot path'],
    ['', 'asValues: expected a non-empty dot path'],
  ])('rejects %j', (spec, message) => {
    expect(() => compileAsValues(spec as never)).toThrow(message);
  });
});

describe('asValues through select', () => {
  let server: CollectionServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('gives values and typed tuples instead of objects', async () => {
    const items = [
      { id: '1', name: 'a', c8y_Temperature: { T: { value: 21.5, unit: 'C' } } },
      { id: '2', c8y_Temperature: { T: {} } },
    ];
    server = await startServer({ items });
    const client = server.client();
    const rows = await getAll(client, inventory, undefined, { asValues: ['id', ['name', '-'], ['c8y_Temperature.T.value', 0]] });
    expect(rows).toEqual([
      ['1', 'a', 21.5],
      ['2', '-', 0],
    ]);
    const names = await select(client, inventory, undefined, { asValues: 'name' }).toArray();
    expect(names).toEqual(['a', undefined]);
    // Asked inside the filter object too.
    expect(await getAll(client, inventory, { asValues: 'id' })).toEqual(['1', '2']);

    // Types: open JSON gives JSON values (or undefined) for plain paths, defaults widen; tuple shape is kept.
    assertType<Equal<typeof rows, Array<[JsonValue | undefined, JsonValue, JsonValue]>>>();
    assertType<Equal<typeof names, Array<JsonValue | undefined>>>();
  });
});

// Compile-time checks only (never called): test/typecheck.test.ts type-checks this file as part of
// `pnpm test`, so each assertType below fails the run unless the types are exactly as stated.

/** Element types inferred from a typed JSON, widened by defaults. */
export function typedJsonChecks(): void {
  interface Json {
    id: string;
    name?: string;
    c8y_Temperature?: { T: { value: number; unit?: string } };
    tags: string[];
  }
  assertType<Equal<PathValue<Json, 'id'>, string>>();
  assertType<Equal<PathValue<Json, 'name'>, string | undefined>>();
  assertType<Equal<PathValue<Json, 'c8y_Temperature.T.value'>, number | undefined>>();
  assertType<Equal<PathValue<Json, 'tags.0'>, string | undefined>>();
  assertType<Equal<PathValue<Json, 'nope'>, undefined>>();
  assertType<Equal<ValuesOf<Json, readonly ['id', readonly ['name', '-'], readonly ['c8y_Temperature.T.value', 0]]>, [string, string, number]>>();
  assertType<Equal<ValuesOf<Json, readonly [readonly ['name', 0]]>, [string | number]>>();
  assertType<Equal<ValuesOf<Json, 'c8y_Temperature.T.unit'>, string | undefined>>();
  assertType<Equal<ValuesOf<Record<string, unknown>, 'a.b'>, unknown>>();
}

/** `select` infers the item type from map, JSON objects by default, values under asValues. */
export function selectTypeChecks(client: Parameters<typeof select>[0]): void {
  const _mapped = select(client, inventory, undefined, { map: (json) => ({ built: String(json.id) }) });
  const _raw = select(client, inventory, { type: 'x' }, { limit: 5 });
  const _values = select(client, inventory, undefined, { asValues: ['id', ['name', 0]] });
  const _mappedAll = getAll(client, inventory, undefined, { map: (json) => new Date(String(json.creationTime)) });
  assertType<Equal<typeof _mapped, PagedIterable<{ built: string }>>>();
  assertType<Equal<typeof _raw, PagedIterable<JsonObject>>>();
  assertType<Equal<typeof _values, PagedIterable<[JsonValue | undefined, JsonValue]>>>();
  assertType<Equal<typeof _mappedAll, Promise<Date[]>>>();
}
