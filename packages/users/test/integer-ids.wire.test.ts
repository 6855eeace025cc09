import { describe, expect, it } from '@jest/globals';
import { InventoryRoles, UserGroups } from '../src/index.js';
import { expectInvalid, testClient, useNock } from './helpers.js';

/** `update` of either class, called the same way (a union of the two overload sets is not callable). */
type Update = (first: unknown, second?: unknown) => Promise<unknown>;

// Groups and inventory roles have integer ids (Resources.userGroup/inventoryRole: idKind
// 'integer'): the resource API refuses any other id for get and update before a request (no
// interceptor is set up, so a request would fail the test). delete and the special functions
// check their ids themselves and name them as before (group, groups[1], role, roles[1]).

useNock();

describe.each([
  ['UserGroups', () => new UserGroups(testClient()), 'group', 'groups'],
  ['InventoryRoles', () => new InventoryRoles(testClient()), 'role', 'roles'],
] as const)('%s: integer ids', (_name, api, one, many) => {
  it('get refuses an id that is not an integer, in the words it always used', async () => {
    const refused: unknown = await api().get('abc').then(() => undefined, (error: unknown) => error);
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error).message).toContain('must be an integer id, got "abc"');
    await expectInvalid(api().get({ id: '4x' }), 'id', /integer id, got "4x"/);
    await expectInvalid(api().get('../4'), 'id', /integer id/);
    await expectInvalid(api().get(''), 'id');
  });

  it('update refuses an item or target id that is not an integer', async () => {
    const target = api();
    const update = target.update.bind(target) as Update;
    await expectInvalid(update({ id: 'x', name: 'n' }), 'item.id', /integer id, got "x"/);
    await expectInvalid(update([{ id: '1', name: 'a' }, { id: 'y', name: 'b' }]), 'items[1].id', /integer id/);
    await expectInvalid(update({ name: 'n' }, ['1', 'z']), 'targets[1]', /integer id/);
  });

  it('delete names its ids as before', async () => {
    await expectInvalid(api().delete('x'), one, /integer id/);
    await expectInvalid(api().delete(['1', 'x']), `${many}[1]`, /integer id/);
  });
});
