import { describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { InvalidInputError, isCumulocityError } from '../../src/index.js';
import { createBodies, createObjects, deleteObjects } from '../../src/bulk/index.js';
import type { ResourceDescriptor } from '../../src/resource/resource-descriptor.js';
import { base, recordingClient, requests, useNockWire } from './helpers.js';

const moType = 'application/vnd.com.nsn.cumulocity.managedobject+json';
const inventory: ResourceDescriptor = { name: 'managedObject', path: '/inventory/managedObjects', collectionKey: 'managedObjects', mediaType: moType };

useNockWire();

const caught = (call: () => unknown) => {
  try {
    call();
  } catch (error) {
    return error as InvalidInputError;
  }
  throw new Error('expected an error');
};

describe('bad bodies', () => {
  it('one bad element is its own error; several are listed in one, each with what it got', () => {
    const one = caught(() => createBodies([{ name: 'fine' }, null as never]));
    expect({ path: one.path, message: one.message }).toEqual({ path: 'items[1]', message: 'items[1]: expected a JSON object or an object with toJSON(), got null' });
    expect(one.cause).toBeUndefined();

    const several = caught(() => createBodies([null, [1], 5, { name: 'fine' }] as never));
    expect(several.path).toBe('items[0]');
    expect(several.message).toBe(
      'items[0]: 3 of 4 elements are invalid, nothing was sent: items[0]: expected a JSON object or an object with toJSON(), got null; ' +
        'items[1]: expected a JSON object or an object with toJSON(), got an array; items[2]: expected a JSON object or an object with toJSON(), got number',
    );
  });

  it('more than five bad elements: the first five are shown and the rest counted', () => {
    const error = caught(() => createBodies(Array.from({ length: 7 }, () => 'x') as never));
    expect(error.message).toMatch(/^items\[0\]: 7 of 7 elements are invalid, nothing was sent: items\[0\]: .*; items\[4\]: expected a JSON object or an object with toJSON\(\), got string; and 2 more$/);
    expect(error.message).not.toContain('items[5]');
  });

  it('exactly five bad elements are all shown, with nothing counted', () => {
    const error = caught(() => createBodies(Array.from({ length: 5 }, () => 'x') as never));
    expect(error.message).toMatch(/items\[4\]: expected a JSON object or an object with toJSON\(\), got string$/);
  });

  it('a field error of a model is reported under the element’s path, also when the field name begins like the path', async () => {
    const model = (field: string) => ({
      toCreateJSON: () => {
        throw new InvalidInputError('must be a string', { path: field });
      },
    });
    const single = await createObjects(recordingClient(), inventory, model('itemType')).catch((error: unknown) => error);
    expect(single).toMatchObject({ path: 'item.itemType', message: 'item.itemType: must be a string' });
    const inArray = await createObjects(recordingClient(), inventory, [model('time')]).catch((error: unknown) => error);
    expect(inArray).toMatchObject({ path: 'items[0].time', message: 'items[0].time: must be a string' });
    // A field error that already names the element is not prefixed twice.
    for (const path of ['items[0].time', 'items[0]']) {
      await expect(createObjects(recordingClient(), inventory, [model(path)])).rejects.toMatchObject({ path, message: `${path}: must be a string` });
    }
    expect(requests).toHaveLength(0);
  });
});

describe('requests', () => {
  it('a resource without a media type sends and accepts application/json', async () => {
    const plain: ResourceDescriptor = { name: 'thing', path: '/things', collectionKey: 'things' };
    nock(base, { reqheaders: { 'content-type': 'application/json', accept: 'application/json' } }).post('/things', { name: 'x' }).reply(201, { id: '1' });
    expect(await createObjects(recordingClient(), plain, { name: 'x' })).toEqual({ id: '1' });
  });

  it('DELETE carries no body media type', async () => {
    nock(base).delete('/inventory/managedObjects/7').reply(204);
    await deleteObjects(recordingClient(), inventory, '7');
    expect(requests.map((request) => [request.headers.get('content-type'), request.headers.get('accept')?.includes(moType) ?? false])).toEqual([[null, false]]);
    expect(isCumulocityError(new InvalidInputError('x'))).toBe(true);
  });
});
