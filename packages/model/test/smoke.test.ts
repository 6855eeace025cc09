import { describe, expect, it } from '@jest/globals';
import { ManagedObject } from '../src/index.js';
import { api, mt, testClient, useNock } from './helpers.js';

useNock();
describe('smoke', () => {
  it('create then update', async () => {
    const c8y = testClient();
    api()
      .post('/inventory/managedObjects', { name: 'MyObject', type: 'my_CustomType', c8y_F: { a: 1, b: 2 } })
      .matchHeader('accept', mt('managedobject'))
      .matchHeader('content-type', mt('managedobject'))
      .reply(201, { id: '42', name: 'MyObject', type: 'my_CustomType', c8y_F: { a: 1, b: 2 }, creationTime: '2025-01-01T00:00:00.000Z' }, { 'Content-Type': mt('managedobject') });
    const obj = await new ManagedObject(c8y, { name: 'MyObject', type: 'my_CustomType', 'c8y_F.a': 1, 'c8y_F.b': 2 }).create();
    expect(obj.id).toBe('42');
    obj.type = 'my_ChangedType';
    obj.set('c8y_F.a', 10);
    api()
      .put('/inventory/managedObjects/42', { type: 'my_ChangedType', c8y_F: { a: 10, b: 2 } })
      .reply(200, { id: '42', type: 'my_ChangedType' }, { 'Content-Type': mt('managedobject') });
    await obj.update();
    expect(obj.type).toBe('my_ChangedType');
  });
});
