import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { startEmulator, type Emulator } from '../src/index.js';
import { ADMIN } from './helpers.js';
import { api, DEVICE, INVENTORY_TENANTS, type Json, type MoPage } from './inventory-helpers.js';

describe('inventory: binaries', () => {
  let emu: Emulator;
  let c: ReturnType<typeof api>;
  beforeAll(async () => {
    emu = await startEmulator({ tenants: INVENTORY_TENANTS });
    c = api(emu);
  });
  beforeEach(() => emu.reset());
  afterAll(() => emu.stop());

  async function upload(data: Buffer, object: Json, fileType = 'application/octet-stream', auth = ADMIN, filename = 'blob.bin'): Promise<Response> {
    const form = new FormData();
    form.append('object', JSON.stringify(object));
    form.append('file', new Blob([new Uint8Array(data)], { type: fileType }), filename);
    return fetch(`${emu.url}/inventory/binaries`, { method: 'POST', headers: { Authorization: auth, Accept: 'application/json' }, body: form });
  }

  it('upload → 201 managed object; download returns the same bytes with type and filename; PUT replaces (201); DELETE → 204', async () => {
    emu.clock.set('2024-05-01T12:00:00.000Z');
    const bytes = randomBytes(100_000);
    const res = await upload(bytes, { name: 'firmware.bin', type: 'application/octet-stream', c8y_Custom: { v: 1 } });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toContain('vnd.com.nsn.cumulocity.managedobject+json');
    const mo = (await res.json()) as Json;
    const id = String(mo.id);
    expect(mo).toEqual({
      id,
      self: `${emu.url}/inventory/binaries/${id}`,
      name: 'firmware.bin',
      type: 'application/octet-stream',
      contentType: 'application/octet-stream',
      length: 100_000,
      c8y_IsBinary: {},
      c8y_Custom: { v: 1 },
      owner: 'admin',
      creationTime: '2024-05-01T12:00:00.000Z',
      lastUpdated: '2024-05-01T12:00:00.000Z',
    });
    expect(res.headers.get('location')).toBe(`${emu.url}/inventory/binaries/${id}`);

    const down = await fetch(`${emu.url}/inventory/binaries/${id}`, { headers: { Authorization: ADMIN } });
    expect(down.status).toBe(200);
    expect(down.headers.get('content-type')).toBe('application/octet-stream');
    expect(down.headers.get('content-disposition')).toContain('filename="firmware.bin"');
    expect(Buffer.from(await down.arrayBuffer()).equals(bytes)).toBe(true);

    // The metadata is a managed object too.
    expect(await c.get(`/inventory/managedObjects/${id}`)).toMatchObject({ c8y_IsBinary: {}, length: 100_000 });

    emu.clock.advance(1000);
    const replacement = Buffer.from('plain text now\n');
    const put = await fetch(`${emu.url}/inventory/binaries/${id}`, {
      method: 'PUT',
      headers: { Authorization: ADMIN, Accept: 'application/json', 'Content-Type': 'text/plain' },
      body: replacement,
    });
    expect(put.status).toBe(201);
    expect(await put.json()).toMatchObject({ id, length: replacement.length, contentType: 'text/plain', lastUpdated: '2024-05-01T12:00:01.000Z', name: 'firmware.bin' });
    const again = await fetch(`${emu.url}/inventory/binaries/${id}`, { headers: { Authorization: ADMIN } });
    expect(again.headers.get('content-type')).toBe('text/plain');
    expect(Buffer.from(await again.arrayBuffer()).equals(replacement)).toBe(true);

    expect((await c.call('DELETE', `/inventory/binaries/${id}`)).status).toBe(204);
    expect((await c.call('GET', `/inventory/binaries/${id}`)).status).toBe(404);
    expect((await c.call('GET', `/inventory/managedObjects/${id}`)).status).toBe(404);
  });

  it('name and content type fall back to the file part; the object type wins over the part type', async () => {
    const mo = (await (await upload(Buffer.from('a,b\n'), {}, 'text/csv', ADMIN, 'data.csv')).json()) as Json;
    expect(mo).toMatchObject({ name: 'data.csv', contentType: 'text/csv', type: 'text/csv', length: 4 });
    const typed = (await (await upload(Buffer.from('hi'), { name: 'h.txt', type: 'text/plain' }, 'application/octet-stream')).json()) as Json;
    expect(typed).toMatchObject({ name: 'h.txt', contentType: 'text/plain', type: 'text/plain' });
    const down = await fetch(`${emu.url}/inventory/binaries/${String(typed.id)}`, { headers: { Authorization: ADMIN } });
    expect(down.headers.get('content-type')).toBe('text/plain');
  });

  it('Range requests return 206 with the slice', async () => {
    const bytes = Buffer.from('0123456789');
    const id = String(((await (await upload(bytes, { name: 'r.txt', type: 'text/plain' }, 'text/plain')).json()) as Json).id);
    const res = await fetch(`${emu.url}/inventory/binaries/${id}`, { headers: { Authorization: ADMIN, Range: 'bytes=2-5' } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('bytes 2-5/10');
    expect(await res.text()).toBe('2345');
    const tail = await fetch(`${emu.url}/inventory/binaries/${id}`, { headers: { Authorization: ADMIN, Range: 'bytes=-3' } });
    expect(await tail.text()).toBe('789');
    expect((await fetch(`${emu.url}/inventory/binaries/${id}`, { headers: { Authorization: ADMIN, Range: 'bytes=20-' } })).status).toBe(416);
  });

  it('missing file part → 400; not multipart → 415; a normal managed object is not a binary (404)', async () => {
    const form = new FormData();
    form.append('object', JSON.stringify({ name: 'x' }));
    const res = await fetch(`${emu.url}/inventory/binaries`, { method: 'POST', headers: { Authorization: ADMIN }, body: form });
    expect(res.status).toBe(400);
    expect((await c.call('POST', '/inventory/binaries', { name: 'x' })).status).toBe(415);
    const plain = await c.create({ name: 'not a file' });
    expect((await c.call('GET', `/inventory/binaries/${plain}`)).status).toBe(404);
  });

  it('GET /inventory/binaries lists only binaries, with filters and paging', async () => {
    await c.create({ name: 'not a file' });
    const a = String(((await (await upload(Buffer.from('a'), { name: 'a.txt', type: 'text/plain' }, 'text/plain')).json()) as Json).id);
    const b = String(((await (await upload(Buffer.from('b'), { name: 'b.csv', type: 'text/csv' }, 'text/csv')).json()) as Json).id);
    const d = String(((await (await upload(Buffer.from('d'), { name: 'd.txt', type: 'text/plain' }, 'text/plain', DEVICE)).json()) as Json).id);
    const ids = async (q: string): Promise<string[]> => (await c.get<MoPage>(`/inventory/binaries${q}`)).managedObjects.map((m) => String(m.id));
    expect(await ids('')).toEqual([a, b, d]);
    expect(await ids('?type=text/plain')).toEqual([a, d]);
    expect(await ids('?owner=device_abc')).toEqual([d]);
    expect(await ids(`?ids=${b},${d}`)).toEqual([b, d]);
    const page = await c.get<MoPage>('/inventory/binaries?pageSize=2&withTotalPages=true');
    expect(page.statistics).toEqual({ currentPage: 1, pageSize: 2, totalPages: 2 });
    expect(page.managedObjects[0]?.self).toBe(`${emu.url}/inventory/binaries/${a}`);
    const group = await c.create({ name: 'g', c8y_IsDeviceGroup: {} });
    await c.post(`/inventory/managedObjects/${group}/childAssets`, { managedObject: { id: a } });
    // childAssetId lists the binaries that have the given child asset (none here) …
    expect(await ids(`?childAssetId=${a}`)).toEqual([]);
    // … and a binary that is a parent is found
    await c.post(`/inventory/managedObjects/${b}/childAdditions`, { managedObject: { id: a } });
    expect(await ids(`?childAdditionId=${a}`)).toEqual([b]);
    // device users see their own files only
    expect((await api(emu, DEVICE).get<MoPage>('/inventory/binaries')).managedObjects.map((m) => String(m.id))).toEqual([d]);
    expect((await api(emu, DEVICE).call('GET', `/inventory/binaries/${a}`)).status).toBe(403);
    expect((await api(emu, DEVICE).call('DELETE', `/inventory/binaries/${a}`)).status).toBe(403);
  });
});
