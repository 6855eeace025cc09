import { describe, expect, it } from '@jest/globals';
import { Celsius, Liters } from '@c8y/units';
import { ManagedObject, Measurement, diffFragments, parsePath, toJson } from '../src/index.js';
import { expectInvalid } from './helpers.js';

describe('dotted paths', () => {
  it('get/set/has/unset by dotted path, creating missing levels', () => {
    const obj = new ManagedObject(undefined, { name: 'x' });
    expect(obj.get('my_Fragment.value')).toBeUndefined();
    expect(obj.get('my_Fragment.value', 42)).toBe(42);
    obj.set('my_Fragment.value', 7);
    expect(obj.toJSON()).toEqual({ name: 'x', my_Fragment: { value: 7 } });
    expect(obj.get('my_Fragment.value', 42)).toBe(7);
    expect(obj.has('my_Fragment.value')).toBe(true);
    expect(obj.has('my_Fragment.other')).toBe(false);
    expect(obj.unset('my_Fragment.value')).toBe(true);
    expect(obj.unset('my_Fragment.value')).toBe(false);
    expect(obj.toJSON()).toEqual({ name: 'x', my_Fragment: {} });
  });

  it('reads array elements by index and keys with dots by segment arrays', () => {
    const obj = ManagedObject.fromJSON(undefined, { id: '1', list: [{ a: 1 }, { a: 2 }], 'odd.key': { v: 3 } });
    expect(obj.get('list.1.a')).toBe(2);
    expect(obj.get('list.01.a')).toBeUndefined();
    expect(obj.get(['odd.key', 'v'])).toBe(3);
    expect(obj.has('null')).toBe(false);
  });

  it('null is a value, the default is only for missing values', () => {
    const obj = ManagedObject.fromJSON(undefined, { id: '1', a: null });
    expect(obj.get('a', 5)).toBeNull();
    expect(obj.has('a')).toBe(true);
  });

  it.each(['', '.', 'a.', '.a', 'a..b', '__proto__.x', 'a.constructor'])('rejects the path %p', (path) => {
    const obj = new ManagedObject(undefined, {});
    expectInvalid(() => obj.get(path), 'path');
    expectInvalid(() => obj.set(path, 1), 'path');
    expectInvalid(() => obj.has(path), 'path');
    expectInvalid(() => obj.unset(path), 'path');
  });

  it('names the empty segment problem', () => {
    expectInvalid(() => parsePath('a..b'), 'path', /"a\.\.b" has an empty segment/);
    expectInvalid(() => parsePath([]), 'path', /must not be empty/);
  });

  it('refuses to set through a non-object', () => {
    const obj = new ManagedObject(undefined, { a: 1, list: [1] });
    expectInvalid(() => obj.set('a.b', 2), 'a.b', /a is a number, not an object/);
    expectInvalid(() => obj.set('list.0', 2), 'list.0', /list is an array, not an object/);
  });

  it('returned objects are live: changing them is tracked', () => {
    const obj = ManagedObject.fromJSON(undefined, { id: '1', c8y_F: { a: 1 } });
    const fragment = obj.get('c8y_F') as { a: number };
    fragment.a = 2;
    expect(obj.toUpdateJSON()).toEqual({ c8y_F: { a: 2 } });
  });
});

describe('construction', () => {
  it('expands dotted keys and merges them with nested ones', () => {
    const obj = new ManagedObject(undefined, { 'a.b': 1, a: { c: 2 }, 'x.y.z': true });
    expect(obj.toJSON()).toEqual({ a: { b: 1, c: 2 }, x: { y: { z: true } } });
  });

  it('refuses a key given twice', () => {
    expectInvalid(() => new ManagedObject(undefined, { a: 1, 'a.b': 2 }), 'a.b', /a is a number/);
    expectInvalid(() => new ManagedObject(undefined, { 'a.b': 1, a: { b: 2 } }), 'a.b', /given twice/);
  });

  it('never modifies or aliases the caller input', () => {
    const input = { name: 'x', c8y_F: { list: [1, 2], nested: { v: 1 } } };
    const snapshot = structuredClone(input);
    const obj = new ManagedObject(undefined, input);
    obj.set('c8y_F.nested.v', 2);
    (obj.get('c8y_F.list') as number[]).push(3);
    input.c8y_F.nested.v = 99;
    expect(obj.get('c8y_F.nested.v')).toBe(2);
    expect(input).toEqual({ ...snapshot, c8y_F: { ...snapshot.c8y_F, nested: { v: 99 } } });
    expect(input.c8y_F.list).toEqual([1, 2]);
  });

  it('set() copies its value', () => {
    const value = { a: [1] };
    const obj = new ManagedObject(undefined, {});
    obj.set('f', value);
    value.a.push(2);
    expect(obj.get('f.a')).toEqual([1]);
  });

  it('converts units and dates through toJSON', () => {
    const m = new Measurement(undefined, { cx: { t: new Celsius(21.5), oil: new Liters(8.4) }, at: new Date(0) });
    expect(m.toJSON()).toEqual({ cx: { t: { value: 21.5, unit: '°C' }, oil: { value: 8.4, unit: 'l' } }, at: '1970-01-01T00:00:00.000Z' });
  });

  it('drops undefined properties like JSON.stringify', () => {
    expect(new ManagedObject(undefined, { name: undefined, a: { b: undefined, c: 1 } }).toJSON()).toEqual({ a: { c: 1 } });
  });
});

describe('non-JSON values are clear errors', () => {
  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic.self = cyclic;
  it.each([
    [{ f: () => 1 }, 'x.f', /function is not a JSON value/],
    [{ list: [1, undefined] }, 'x.list[1]', /undefined is not a JSON value inside an array/],
    [{ n: Number.NaN }, 'x.n', /NaN is not a JSON value/],
    [{ n: Number.POSITIVE_INFINITY }, 'x.n', /Infinity is not a JSON value/],
    [{ b: 10n }, 'x.b', /bigint is not a JSON value/],
    [{ s: Symbol('s') }, 'x.s', /symbol is not a JSON value/],
    [{ m: new Map() }, 'x.m', /a Map is not a JSON value/],
    [cyclic, 'x.self', /circular reference/],
  ])('%p', (value, path, message) => {
    expectInvalid(() => toJson(value, 'x'), path, message);
    expectInvalid(() => new ManagedObject(undefined, { x: value }), path, message);
    expectInvalid(() => new ManagedObject(undefined, {}).set('x', value), path, message);
  });

  it('set(path, undefined) points to unset()', () => {
    expectInvalid(() => new ManagedObject(undefined, {}).set('a', undefined), 'a', /use unset\(\)/);
  });

  it('shared (non-cyclic) references are fine', () => {
    const shared = { v: 1 };
    expect(toJson({ a: shared, b: shared }, '')).toEqual({ a: { v: 1 }, b: { v: 1 } });
  });

  it('values added through the live JSON are checked when sent', () => {
    const obj = ManagedObject.fromJSON(undefined, { id: '1' });
    (obj.json as Record<string, unknown>).bad = () => 1;
    expectInvalid(() => obj.toUpdateJSON(), 'bad', /function/);
  });
});

describe('diffFragments', () => {
  it('sends changed top-level fragments whole, removed ones as null, skips unchanged and excluded', () => {
    const source = { id: '42', name: 'old', type: 'T', c8y_F: { a: 1, b: 2 }, c8y_G: 5, list: [1, 2], gone: { x: 1 } };
    const current = { id: '42', name: 'new', type: 'T', c8y_F: { a: 10, b: 2 }, c8y_G: 6, list: [1, 2], c8y_New: { x: 1 } };
    expect(diffFragments(source, current, new Set(['id']))).toEqual({
      name: 'new',
      c8y_F: { a: 10, b: 2 },
      c8y_G: 6,
      c8y_New: { x: 1 },
      gone: null,
    });
  });

  it('compares arrays by order and objects by content', () => {
    expect(diffFragments({ l: [1, 2], o: { a: 1, b: 2 } }, { l: [2, 1], o: { b: 2, a: 1 } })).toEqual({ l: [2, 1] });
  });
});

describe('reference ids', () => {
  it('each child and parent getter reads its own key', () => {
    const refs = (...ids: string[]) => ({ references: ids.map((id) => ({ managedObject: { id, self: `https://t/inventory/managedObjects/${id}` } })) });
    const obj = ManagedObject.fromJSON(undefined, {
      id: '1',
      childDevices: refs('d1', 'd2'),
      childAssets: refs('a1'),
      childAdditions: refs('x1', 'x2', 'x3'),
      deviceParents: refs('pd1'),
      assetParents: refs('pa1', 'pa2'),
      additionParents: refs('px1'),
    });
    expect(obj.childDeviceIds).toEqual(['d1', 'd2']);
    expect(obj.childAssetIds).toEqual(['a1']);
    expect(obj.childAdditionIds).toEqual(['x1', 'x2', 'x3']);
    expect(obj.deviceParentIds).toEqual(['pd1']);
    expect(obj.assetParentIds).toEqual(['pa1', 'pa2']);
    expect(obj.additionParentIds).toEqual(['px1']);
  });

  it('a missing key gives no ids, whatever the other keys hold', () => {
    const only = (key: string) => ManagedObject.fromJSON(undefined, { id: '1', [key]: { references: [{ managedObject: { id: '9' } }] } });
    const getters = ['childDeviceIds', 'childAssetIds', 'childAdditionIds', 'deviceParentIds', 'assetParentIds', 'additionParentIds'] as const;
    const keys = ['childDevices', 'childAssets', 'childAdditions', 'deviceParents', 'assetParents', 'additionParents'];
    for (const [index, key] of keys.entries()) {
      const obj = only(key);
      expect(getters.map((getter) => obj[getter])).toEqual(getters.map((_, other) => (other === index ? ['9'] : [])));
    }
  });
});
