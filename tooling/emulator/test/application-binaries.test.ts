import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { ALL_ROLES, startEmulator, type Emulator, type TenantSeed } from '../src/index.js';
import { call, mediaType } from './accounts-helpers.js';
import { basic } from './helpers.js';

// Application archives (`/application/applications/{id}/binaries`), versions (`…/versions`) and
// the `hasVersions` filter, per the OpenAPI spec.

type Json = Record<string, unknown>;

const TENANTS: readonly TenantSeed[] = [
  {
    id: 't100',
    users: [
      { userName: 'admin', password: 'admin-pass', roles: ALL_ROLES },
      { userName: 'reader', password: 'reader-pass', roles: ['ROLE_APPLICATION_MANAGEMENT_READ'] },
    ],
  },
  { id: 't300', users: [{ userName: 'admin', password: 'three-pass', roles: ALL_ROLES }] },
];
const ADMIN = basic('t100/admin', 'admin-pass');
const READER = basic('t100/reader', 'reader-pass');
const OTHER = basic('t300/admin', 'three-pass');
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 0xff, 0x00]);

describe('application binaries and versions', () => {
  let emu: Emulator;
  let base: string;
  beforeAll(async () => {
    emu = await startEmulator({ tenants: TENANTS });
    base = emu.url;
  });
  afterAll(() => emu.stop());
  beforeEach(() => emu.reset());

  const createApp = async (body: Json): Promise<string> => {
    const res = await call<Json>(base, 'POST', '/application/applications', { body, headers: { Accept: 'application/json' } });
    expect(res.status).toBe(201);
    return String(res.body.id);
  };
  const hosted = (name: string) => createApp({ name, key: `${name}-key`, type: 'HOSTED', contextPath: name });

  /** A multipart POST built with the web FormData (what the SDK sends). */
  const postForm = async (path: string, parts: Record<string, Blob | string>, options: { auth?: string; filename?: string; accept?: string } = {}) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(parts)) {
      if (typeof value === 'string') form.append(name, value);
      else form.append(name, value, options.filename ?? `${name}.zip`);
    }
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { Authorization: options.auth ?? ADMIN, Accept: options.accept ?? 'application/json' },
      body: form,
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: (text === '' ? undefined : JSON.parse(text)) as Json };
  };
  const zip = (bytes: Buffer = ZIP) => new Blob([new Uint8Array(bytes)], { type: 'application/zip' });

  it('POST …/binaries (multipart "file") → 201 with the application, its activeVersionId the new archive', async () => {
    const id = await hosted('cockpit2');
    const res = await postForm(`/application/applications/${id}/binaries`, { file: zip() }, { filename: 'cockpit2-1.0.0.zip', accept: 'application/vnd.com.nsn.cumulocity.application+json' });
    expect(res.status).toBe(201);
    expect(mediaType(res)).toMatch(/vnd\.com\.nsn\.cumulocity\.application\+json/);
    expect(res.body).toMatchObject({ id, name: 'cockpit2', type: 'HOSTED', activeVersionId: expect.stringMatching(/^\d+$/) as unknown });
    const binaryId = String(res.body.activeVersionId);
    expect((await call<Json>(base, 'GET', `/application/applications/${id}`)).body.activeVersionId).toBe(binaryId);

    const list = await call<{ attachments: Json[] }>(base, 'GET', `/application/applications/${id}/binaries`);
    expect(list.status).toBe(200);
    expect(mediaType(list)).toMatch(/vnd\.com\.nsn\.cumulocity\.applicationbinaries\+json/);
    expect(list.body.attachments).toEqual([
      {
        id: binaryId,
        name: 'cockpit2-1.0.0.zip',
        contextPath: 'cockpit2',
        created: expect.any(String) as unknown,
        length: ZIP.length,
        downloadUrl: `${base}/application/applications/${id}/binaries/${binaryId}`,
      },
    ]);
    const download = await fetch(`${base}/application/applications/${id}/binaries/${binaryId}`, { headers: { Authorization: ADMIN } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/zip');
    expect(Buffer.from(await download.arrayBuffer())).toEqual(ZIP);

    // A second upload becomes active; the first can then be deleted, the active one cannot.
    const second = await postForm(`/application/applications/${id}/binaries`, { file: zip(Buffer.from('PK second')) });
    const secondId = String(second.body.activeVersionId);
    expect(secondId).not.toBe(binaryId);
    expect((await call(base, 'DELETE', `/application/applications/${id}/binaries/${secondId}`)).status).toBe(409);
    expect((await call(base, 'DELETE', `/application/applications/${id}/binaries/${binaryId}`)).status).toBe(204);
    expect((await call(base, 'GET', `/application/applications/${id}/binaries/${binaryId}`)).status).toBe(404);
    expect((await call<{ attachments: Json[] }>(base, 'GET', `/application/applications/${id}/binaries`)).body.attachments.map((a) => a.id)).toEqual([secondId]);
  });

  it('refuses what the platform would: no file, empty file, other tenants, missing roles, EXTERNAL apps, unknown ids', async () => {
    const id = await hosted('web');
    const ext = await createApp({ name: 'ext', key: 'ext-key', type: 'EXTERNAL', externalUrl: 'https://example.com' });
    expect((await postForm(`/application/applications/${id}/binaries`, { other: zip() })).status).toBe(400);
    expect((await postForm(`/application/applications/${id}/binaries`, { file: zip(Buffer.alloc(0)) })).status).toBe(422);
    expect((await postForm(`/application/applications/${id}/binaries`, { file: zip() }, { auth: READER })).status).toBe(403);
    expect((await postForm(`/application/applications/${id}/binaries`, { file: zip() }, { auth: OTHER })).status).toBe(404);
    expect((await postForm(`/application/applications/${ext}/binaries`, { file: zip() })).status).toBe(422);
    expect((await postForm('/application/applications/999999/binaries', { file: zip() })).status).toBe(404);
    const notMultipart = await call(base, 'POST', `/application/applications/${id}/binaries`, { body: { file: 'x' } });
    expect([400, 415]).toContain(notMultipart.status);
    expect((await call(base, 'GET', `/application/applications/${id}/binaries`, { auth: READER })).status).toBe(403);
    expect((await call(base, 'GET', `/application/applications/${id}/binaries/123`)).status).toBe(404);
    // Nothing was stored by the refused requests, and reading created nothing.
    expect((await call<{ attachments: Json[] }>(base, 'GET', `/application/applications/${id}/binaries`)).body.attachments).toEqual([]);
    expect((await call<Json>(base, 'GET', `/application/applications/${id}`)).body).not.toHaveProperty('activeVersionId');
  });

  it('versions: POST (applicationBinary + applicationVersion) → 201, latest tag moves, duplicates 409, bad names 422; hasVersions filters', async () => {
    const plugin = await hosted('plugin');
    const plain = await hosted('plain');
    const ms = await createApp({ name: 'svc', key: 'svc-key', type: 'MICROSERVICE' });
    const v1 = await postForm(`/application/applications/${plugin}/versions`, { applicationVersion: JSON.stringify({ version: '1.0.0', tags: ['stable'] }), applicationBinary: zip() }, { accept: 'application/vnd.com.nsn.cumulocity.applicationVersion+json' });
    expect(v1.status).toBe(201);
    expect(mediaType(v1)).toMatch(/applicationVersion\+json/);
    expect(v1.body).toEqual({ version: '1.0.0', binaryId: expect.stringMatching(/^\d+$/) as unknown, tags: ['stable', 'latest'] });
    const v2 = await postForm(`/application/applications/${plugin}/versions`, { applicationVersion: JSON.stringify({ version: '1.1.0' }), applicationBinary: zip() });
    expect(v2.body).toMatchObject({ version: '1.1.0', tags: ['latest'] });
    const versions = await call<{ versions: Json[] }>(base, 'GET', `/application/applications/${plugin}/versions`);
    expect(versions.body.versions.map((v) => [v.version, v.tags])).toEqual([
      ['1.0.0', ['stable']],
      ['1.1.0', ['latest']],
    ]);
    const app = (await call<Json>(base, 'GET', `/application/applications/${plugin}`)).body;
    expect(app.activeVersionId).toBe(v2.body.binaryId);
    expect(app.applicationVersions).toEqual(versions.body.versions);

    expect((await postForm(`/application/applications/${plugin}/versions`, { applicationVersion: JSON.stringify({ version: '1.0.0' }), applicationBinary: zip() })).status).toBe(409);
    expect((await postForm(`/application/applications/${plugin}/versions`, { applicationVersion: JSON.stringify({ version: '2.0', tags: ['stable'] }), applicationBinary: zip() })).status).toBe(409);
    expect((await postForm(`/application/applications/${plugin}/versions`, { applicationVersion: JSON.stringify({ version: '2 0' }), applicationBinary: zip() })).status).toBe(422);
    expect((await postForm(`/application/applications/${plugin}/versions`, { applicationVersion: JSON.stringify({ version: '2.0', tags: 'x' }), applicationBinary: zip() })).status).toBe(422);
    expect((await postForm(`/application/applications/${plugin}/versions`, { applicationVersion: '{"version":', applicationBinary: zip() })).status).toBe(400);
    expect((await postForm(`/application/applications/${plugin}/versions`, { applicationVersion: JSON.stringify({ version: '3.0' }) })).status).toBe(400);
    expect((await call<{ versions: Json[] }>(base, 'GET', `/application/applications/${plugin}/versions`)).body.versions).toHaveLength(2);
    // A PUT cannot fake versions.
    await call(base, 'PUT', `/application/applications/${plain}`, { body: { applicationVersions: [{ version: '9' }] } });

    const names = async (query: string) =>
      (await call<{ applications: Json[] }>(base, 'GET', `/application/applications?pageSize=100&owner=t100${query}`)).body.applications.map((a) => a.name);
    expect(await names('&hasVersions=true')).toEqual(['plugin']);
    expect(await names('&hasVersions=false')).toEqual(['plain', 'svc']);
    expect(await names('')).toEqual(['plugin', 'plain', 'svc']);
    expect((await call(base, 'GET', '/application/applications?hasVersions=maybe')).status).toBe(422);
    expect(ms).toMatch(/^\d+$/);

    // Deleting the application forgets its archives and versions.
    expect((await call(base, 'DELETE', `/application/applications/${plugin}`)).status).toBe(204);
    expect(await names('&hasVersions=true')).toEqual([]);
  });
});
