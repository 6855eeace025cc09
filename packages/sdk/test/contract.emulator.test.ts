import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startEmulator, type Emulator } from '@c8y/emulator';
import { DateTime } from 'luxon';
import { BasicAuth, clearClientCache, CumulocityClient, getClient, Liters, ManagedObject, Measurement, Percent } from '../src/node/index.js';

// DESIGN.md §2 "Public contract", line by line, against the emulator over real HTTP. The lines are
// as the document writes them; only its placeholders are filled in: `…` loop bodies collect what
// they see, `baseUrl`/`tenantId`/`deviceId`/`manyIds` are the emulator's, and `getClient()` reads
// C8Y_* variables that point at the emulator (set in process.env for that line, as a shell would).
// The document imports BasicAuth without listing it; it is imported here.

let emu: Emulator;
let c8y: CumulocityClient;
const saved = { ...process.env };

beforeAll(async () => {
  // Ids from 123456 on: the first object created is the document's '123456'.
  emu = await startEmulator({ seed: 2, firstId: 123456 });
});
afterAll(async () => {
  process.env = saved;
  clearClientCache();
  await emu.stop();
});

/** Draws ids until the next one is `id` (the emulator's counter is shared by all resources). */
function skipIdsTo(id: number) {
  for (;;) {
    const next = Number(emu.services.ids.next());
    if (next + 1 === id) return;
    if (next + 1 > id) throw new Error(`id ${id} is already taken`);
  }
}

describe('DESIGN.md §2 against the emulator', () => {
  it('getClient() connects from C8Y_BASEURL, C8Y_TENANT, C8Y_USER, C8Y_PASSWORD', async () => {
    Object.assign(process.env, { C8Y_BASEURL: emu.url, C8Y_TENANT: 't100', C8Y_USER: 'admin', C8Y_PASSWORD: 'admin-pass' });
    delete process.env['C8Y_TOKEN'];
    c8y = await getClient();   // C8Y_BASEURL, C8Y_TENANT, C8Y_USER, C8Y_PASSWORD, C8Y_TOKEN; prompts on a TTY
    expect(c8y).toBeInstanceOf(CumulocityClient);
    expect(await getClient()).toBe(c8y);
    const login = emu.requests.filter((request) => request.path === '/tenant/oauth');
    expect(login.map((request) => request.status)).toEqual([200]);
  });

  it('new CumulocityClient({ baseUrl, tenantId, auth: new BasicAuth(…) })', async () => {
    await c8y.users.create({ userName: 'user', password: 'secret-pass-1', email: 'user@example.com' });
    const readers = await c8y.userGroups.create({ name: 'cx_Readers' });
    await c8y.userGroups.assignRoles(readers, 'ROLE_USER_MANAGEMENT_OWN_READ');
    await c8y.userGroups.assignUsers(readers, 'user');
    const baseUrl = emu.url;
    const tenantId = 't100';
    const c8y2 = new CumulocityClient({ baseUrl, tenantId, auth: new BasicAuth('user', 'secret-pass-1') });
    expect((await c8y2.users.getCurrent()).userName).toBe('user');
    expect(emu.requests.at(-1)).toMatchObject({ path: '/user/currentUser', user: 'user', headers: { authorization: 'Basic' } });
  });

  let device: ManagedObject;
  it("get by id, by user name, by external id: inventory.get('123456'), users.get('mini_me'), identity.get('9876543210', 'c8y_Serial')", async () => {
    device = await c8y.deviceInventory.create({ name: 'My Device', type: 'MyDevice' });
    expect(device.id).toBe('123456');
    await c8y.users.create({ userName: 'mini_me', email: 'mini_me@example.com', password: 'mini-me-pass-1' });
    await c8y.identity.create('9876543210', 'c8y_Serial', device);

    expect((await c8y.inventory.get('123456')).name).toBe('My Device');
    expect((await c8y.users.get('mini_me')).email).toBe('mini_me@example.com');
    const externalId = await c8y.identity.get('9876543210', 'c8y_Serial');
    expect(externalId.externalId).toBe('9876543210');
    expect(externalId.managedObjectId).toBe('123456');
  });

  it('queries: name wildcards, for await with maxAge, the query language, REST names, aliases, conveniences, raw expressions', async () => {
    await c8y.inventory.create([{ name: 'My Pump', type: 'MyDevice', c8y_IsDevice: {} }, { name: 'M01', type: 'MyDevice', c8y_IsDevice: {} }, { name: 'Other' }]);
    await c8y.events.create([
      { type: 'cx_Old', text: 'old', source: '123456', time: '2024-06-01T00:00:00Z' },
      { type: 'cx_New', text: 'new', source: '123456', time: 'now' },
    ]);

    const byName = await c8y.inventory.getAll({ name: 'My*', limit: 10 }); // array
    expect(Array.isArray(byName)).toBe(true);
    expect(byName.map((object) => object.name).sort()).toEqual(['My Device', 'My Pump']);

    const seen: string[] = [];
    for await (const e of c8y.events.select({ source: '123456', maxAge: '1d', limit: 100 })) {
      seen.push(String(e.type));
    }
    expect(seen).toEqual(['cx_New']);

    const byQuery = await c8y.inventory.getAll({ query: "name eq 'My*'", limit: 10 });
    expect(byQuery.map((object) => object.name).sort()).toEqual(['My Device', 'My Pump']);

    const restName = await c8y.events.getAll({ source: '123456', dateFrom: '2025-01-01' }); // REST name
    const alias = await c8y.events.getAll({ source: '123456', after: '2025-01-01' }); // alternative
    const convenience = await c8y.events.getAll({ source: '123456', maxAge: '1d' }); // convenience
    for (const events of [restName, alias, convenience]) expect(events.map((event) => event.type)).toEqual(['cx_New']);
    const aliasRequest = emu.requests.filter((request) => request.path === '/event/events').at(-2);
    expect(aliasRequest?.query['dateFrom']).toMatch(/^2025-01-01T00:00:00(\.000)?(Z|\+00:00)$/);
    expect(aliasRequest?.query['after']).toBeUndefined(); // aliases are never sent raw

    // `q` is the device query: the platform adds fragmentType=c8y_IsDevice (M01 is a device).
    const raw = await c8y.inventory.getAll("q=$filter=name eq 'M01' $orderby=lastUpdated"); // raw expression fallback
    expect(raw.map((object) => object.name)).toEqual(['M01']);
    expect(emu.requests.at(-1)?.query['q']).toBe("$filter=name eq 'M01' $orderby=lastUpdated");
  });

  it('concurrent pages: deviceInventory.getAll({ limit: null, pageSize: 100, workers: 20 })', async () => {
    await c8y.deviceInventory.create(
      Array.from({ length: 250 }, (_, index) => ({ name: `Dev ${index}`, type: 'cx_Bulk' })),
      { workers: 10 },
    );
    emu.requests.clear();
    const devices = await c8y.deviceInventory.getAll({ limit: null, pageSize: 100, workers: 20 }); // concurrent pages
    expect(devices).toHaveLength(253); // 250 + 'My Device', 'My Pump', 'M01'
    expect(new Set(devices.map((each) => each.id)).size).toBe(253);
    const pages = emu.requests.filter((request) => request.path === '/inventory/managedObjects');
    expect(pages.every((request) => request.query['pageSize'] === '100')).toBe(true);
    expect(new Set(pages.map((request) => request.query['currentPage'])).size).toBeGreaterThanOrEqual(3);
  });

  it("asValues tuples: for await (const [id, name, updated] of inventory.select({ type: 'MyDevice', asValues: [...] }))", async () => {
    const rows: unknown[][] = [];
    for await (const [id, name, updated] of c8y.inventory.select({
      type: 'MyDevice', asValues: ['id', ['name', 'undefined'], 'lastUpdated'] })) {
      rows.push([id, name, typeof updated]);
    }
    expect(rows.map(([, name]) => name).sort()).toEqual(['M01', 'My Device', 'My Pump']);
    expect(rows.find(([id]) => id === '123456')).toEqual(['123456', 'My Device', 'string']);
  });

  it("bulk: inventory.update(fragment, ['123456', '1238957']) and inventory.delete(manyIds, { workers: 20 })", async () => {
    skipIdsTo(1238957);
    expect((await c8y.inventory.create({ name: 'Second' })).id).toBe('1238957');

    await c8y.inventory.update({ my_AdditionalFragment: { essential: true } }, ['123456', '1238957']);
    for (const id of ['123456', '1238957']) expect((await c8y.inventory.get(id)).get('my_AdditionalFragment.essential')).toBe(true);

    const many = await c8y.inventory.create(Array.from({ length: 40 }, (_, index) => ({ name: `Temp ${index}` })), { workers: 10 });
    const manyIds = many.map((object) => object.id ?? '');
    await c8y.inventory.delete(manyIds, { workers: 20 });
    expect(await c8y.inventory.getAll({ name: 'Temp*' })).toEqual([]);
  });

  it('ManagedObject: create, update sends only what changed, get/set paths, creationTime and creationDateTime, delete', async () => {
    const obj = await new ManagedObject(c8y, { name: 'MyObject', type: 'my_CustomType' }).create();
    // Someone else renames it on the server meanwhile: an update that sent the whole object would undo that.
    const other = CumulocityClient.from(c8y.restClient);
    await other.inventory.update({ id: obj.id ?? '', name: 'Renamed elsewhere' });

    emu.requests.clear();
    obj.type = 'my_ChangedType'; await obj.update();   // PUT sends only what changed
    const puts = emu.requests.filter((request) => request.method === 'PUT');
    expect(puts.map((request) => request.path)).toEqual([`/inventory/managedObjects/${obj.id}`]);
    const stored = await c8y.inventory.get(obj.id ?? '');
    expect([stored.type, stored.name]).toEqual(['my_ChangedType', 'Renamed elsewhere']);

    expect(obj.get('my_Fragment.value', 42)).toBe(42); obj.set('my_Fragment.value', 42);
    expect(obj.get('my_Fragment.value')).toBe(42);
    await obj.update();
    expect((await c8y.inventory.get(obj.id ?? '')).get('my_Fragment.value')).toBe(42);

    expect(typeof obj.creationTime).toBe('string');      // the JSON string;   obj.creationDateTime: a luxon DateTime
    expect(DateTime.isDateTime(obj.creationDateTime)).toBe(true);
    expect(obj.creationDateTime?.toMillis()).toBe(Date.parse(obj.creationTime ?? ''));

    await obj.delete();
    await expect(c8y.inventory.get(obj.id ?? '')).rejects.toMatchObject({ status: 404 });
  });

  it('Measurement with units → {"value":8.4,"unit":"l"}', async () => {
    const deviceId = device.id ?? '';
    const measurement = new Measurement(c8y, { type: 'cx_LevelMeasurement', source: deviceId, time: 'now',
      cx_Levels: { oil: new Liters(8.4), bat: new Percent(85) } });          // → {"value":8.4,"unit":"l"}
    const json = JSON.parse(JSON.stringify(measurement)) as { cx_Levels: unknown };
    expect(json.cx_Levels).toEqual({ oil: { value: 8.4, unit: 'l' }, bat: { value: 85, unit: '%' } });

    const created = await c8y.measurements.create(measurement);
    const [stored] = await c8y.measurements.getAll({ source: deviceId, type: 'cx_LevelMeasurement' });
    expect(stored?.id).toBe(created.id);
    expect(stored?.get('cx_Levels.oil')).toEqual({ value: 8.4, unit: 'l' });
  });
});
