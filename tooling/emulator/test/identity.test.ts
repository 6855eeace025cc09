import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { startEmulator, type Emulator } from '../src/index.js';
import { ADMIN, rawRequest } from './helpers.js';
import { api, DEVICE, INVENTORY_TENANTS, type Json } from './inventory-helpers.js';

const EXT = 'application/vnd.com.nsn.cumulocity.externalid+json';

describe('identity', () => {
  let emu: Emulator;
  let c: ReturnType<typeof api>;
  beforeAll(async () => {
    emu = await startEmulator({ tenants: INVENTORY_TENANTS });
    c = api(emu);
  });
  beforeEach(() => emu.reset());
  afterAll(() => emu.stop());

  it('round trip: create → lookup → list per global id → delete → 404', async () => {
    const id = await c.create({ name: 'raspi', c8y_IsDevice: {} });
    const res = await c.call('POST', `/identity/globalIds/${id}/externalIds`, { type: 'c8y_Serial', externalId: 'raspi-0017' }, { 'Content-Type': EXT });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toBe(`${EXT};charset=UTF-8;ver=0.9`);
    const ext = {
      externalId: 'raspi-0017',
      type: 'c8y_Serial',
      self: `${emu.url}/identity/externalIds/c8y_Serial/raspi-0017`,
      managedObject: { id, self: `${emu.url}/inventory/managedObjects/${id}` },
    };
    expect(await res.json()).toEqual(ext);
    expect(res.headers.get('location')).toBe(ext.self);
    expect(await c.get('/identity/externalIds/c8y_Serial/raspi-0017')).toEqual(ext);

    await c.post(`/identity/globalIds/${id}/externalIds`, { type: 'c8y_IMEI', externalId: '3569' });
    const list = await c.get<{ self: string; externalIds: Json[] }>(`/identity/globalIds/${id}/externalIds`);
    expect(list.self).toBe(`${emu.url}/identity/globalIds/${id}/externalIds`);
    expect(list.externalIds.map((e) => e.type)).toEqual(['c8y_Serial', 'c8y_IMEI']);

    expect((await c.call('DELETE', '/identity/externalIds/c8y_Serial/raspi-0017')).status).toBe(204);
    const gone = await c.call('GET', '/identity/externalIds/c8y_Serial/raspi-0017');
    expect(gone.status).toBe(404);
    expect(await gone.json()).toMatchObject({
      error: 'identity/Not Found',
      message: 'External id not found; external id = ID [type=c8y_Serial, value=raspi-0017]',
    });
    expect((await c.call('DELETE', '/identity/externalIds/c8y_Serial/raspi-0017')).status).toBe(404);
    expect((await c.get<{ externalIds: Json[] }>(`/identity/globalIds/${id}/externalIds`)).externalIds.map((e) => e.type)).toEqual(['c8y_IMEI']);
  });

  it('special characters in type and value are URL-encoded in self and decoded in lookups', async () => {
    const id = await c.create({ name: 'x' });
    const created = await c.post(`/identity/globalIds/${id}/externalIds`, { type: 'my type', externalId: 'a/b?c' });
    expect(created.self).toBe(`${emu.url}/identity/externalIds/my%20type/a%2Fb%3Fc`);
    expect(await c.get(String(created.self))).toMatchObject({ externalId: 'a/b?c', type: 'my type' });
  });

  it('409 when the external id is bound to another object; re-binding to the same object is accepted', async () => {
    const a = await c.create({ name: 'a' });
    const b = await c.create({ name: 'b' });
    await c.post(`/identity/globalIds/${a}/externalIds`, { type: 'c8y_Serial', externalId: 'S1' });
    const dup = await c.call('POST', `/identity/globalIds/${b}/externalIds`, { type: 'c8y_Serial', externalId: 'S1' });
    expect(dup.status).toBe(409);
    expect(await dup.json()).toMatchObject({ error: 'identity/Duplicate' });
    expect((await c.call('POST', `/identity/globalIds/${a}/externalIds`, { type: 'c8y_Serial', externalId: 'S1' })).status).toBe(201);
    expect((await c.get('/identity/externalIds/c8y_Serial/S1')).managedObject).toMatchObject({ id: a });
  });

  it('404 Global ID not found for an unknown managed object; missing fields → 422', async () => {
    const res = await c.call('POST', '/identity/globalIds/424242/externalIds', { type: 't', externalId: 'e' });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'identity/Not Found', message: 'Global ID not found' });
    const id = await c.create({ name: 'a' });
    const bad = await c.call('POST', `/identity/globalIds/${id}/externalIds`, { type: 't' });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ error: 'identity/Invalid Data', message: 'Following mandatory fields should be included: externalId' });
  });

  it('external ids are deleted with their managed object', async () => {
    const id = await c.create({ name: 'a' });
    await c.post(`/identity/globalIds/${id}/externalIds`, { type: 't', externalId: 'e' });
    await c.call('DELETE', `/inventory/managedObjects/${id}`);
    expect((await c.call('GET', '/identity/externalIds/t/e')).status).toBe(404);
    // and the value is free again
    const other = await c.create({ name: 'b' });
    expect((await c.call('POST', `/identity/globalIds/${other}/externalIds`, { type: 't', externalId: 'e' })).status).toBe(201);
  });

  it('POST /identity/search returns the known mappings', async () => {
    const a = await c.create({ name: 'a' });
    await c.post(`/identity/globalIds/${a}/externalIds`, { type: 'c8y_Serial', externalId: 'S1' });
    const res = await c.json<{ externalIds: Json[] }>('POST', '/identity/search', { externalIds: [{ type: 'c8y_Serial', externalId: 'S1' }, { type: 'c8y_Serial', externalId: 'nope' }] }, 200);
    expect(res.externalIds).toEqual([expect.objectContaining({ externalId: 'S1', managedObject: expect.objectContaining({ id: a }) })]);
    expect((await c.call('POST', '/identity/search', { nope: 1 })).status).toBe(400);
  });

  it('device users manage the ids of their own objects only', async () => {
    const device = api(emu, DEVICE);
    const own = await device.create({ name: 'own', c8y_IsDevice: {} });
    const foreign = await c.create({ name: 'foreign' });
    await c.post(`/identity/globalIds/${foreign}/externalIds`, { type: 't', externalId: 'foreign' });
    expect((await device.call('POST', `/identity/globalIds/${own}/externalIds`, { type: 't', externalId: 'own' })).status).toBe(201);
    expect((await device.call('GET', '/identity/externalIds/t/own')).status).toBe(200);
    expect((await device.call('GET', '/identity/externalIds/t/foreign')).status).toBe(403);
    expect((await device.call('POST', `/identity/globalIds/${foreign}/externalIds`, { type: 't', externalId: 'x' })).status).toBe(403);
    expect((await device.call('DELETE', '/identity/externalIds/t/foreign')).status).toBe(403);
  });

  it('POST without Accept → 201 with empty body; GET /identity lists the templates', async () => {
    const id = await c.create({ name: 'a' });
    const res = await rawRequest(emu.url, {
      method: 'POST',
      path: `/identity/globalIds/${id}/externalIds`,
      headers: { Authorization: ADMIN, 'Content-Type': EXT },
      body: JSON.stringify({ type: 't', externalId: 'v' }),
    });
    expect(res.status).toBe(201);
    expect(res.body).toBe('');
    expect(await c.get('/identity')).toEqual({
      self: `${emu.url}/identity`,
      externalId: `${emu.url}/identity/externalIds/{type}/{externalId}`,
      externalIdsOfGlobalId: `${emu.url}/identity/globalIds/{globalId}/externalIds`,
    });
  });
});
