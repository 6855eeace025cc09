import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Emulator, RegisteredMicroservice } from '@c8y/emulator';
import { readFileSync } from 'node:fs';
import { MultiTenantCumulocityApp } from '../src/index.js';
import { createService, type ManagedObjectsReply } from '../example/service.js';
import { callerHeaders, OBJECTS_PER_TENANT, startScenario, TENANTS, USERS_PER_TENANT } from './emulator-setup.js';

// The example microservice (example/service.ts) as the platform would run it: its HTTP server,
// the multi-tenant app built from the environment the platform sets, and the emulator as the
// platform. 2 × 100 concurrent inbound requests of two tenants' users; the emulator's request
// log says who made each platform request.

let emu: Emulator;
let ms: RegisteredMicroservice;
let app: MultiTenantCumulocityApp;
let server: Server;
let service: string;

beforeAll(async () => {
  const scenario = await startScenario();
  ({ emu, ms } = scenario);
  app = new MultiTenantCumulocityApp({ env: scenario.env });
  server = createService(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  service = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await app.close();
  await emu.stop();
});

const call = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${service}${path}`, { headers });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('the example microservice', () => {
  it('cumulocity.json: a MULTI_TENANT manifest whose probes hit /health', () => {
    type Probe = { httpGet: { path: string; port?: number } };
    const manifest = JSON.parse(readFileSync(new URL('../example/cumulocity.json', import.meta.url), 'utf8')) as {
      version: string;
      provider: { name: unknown };
      livenessProbe: Probe;
      readinessProbe: Probe;
    };
    expect(manifest).toMatchObject({ apiVersion: 'v2', isolation: 'MULTI_TENANT', requiredRoles: ['ROLE_INVENTORY_READ'] });
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(typeof manifest.provider.name).toBe('string');
    expect([manifest.livenessProbe.httpGet.path, manifest.readinessProbe.httpGet.path]).toEqual(['/health', '/health']);
  });

  it('GET /health answers without credentials and without calling the platform', async () => {
    emu.requests.clear();
    expect(await call('/health')).toEqual({ status: 200, body: { status: 'UP' } });
    expect(emu.requests).toHaveLength(0);
  });

  it('2 × 100 concurrent callers of two tenants: each gets its own tenant\'s objects, fetched with its own credentials', async () => {
    emu.requests.clear();
    const jobs = Array.from({ length: 200 }, (_, n) => {
      const tenant = TENANTS[n % 2]!;
      const user = (n >> 1) % USERS_PER_TENANT;
      // pageSize doubles as a marker that the emulator's request log keeps.
      return { marker: n + 1, tenant, user, headers: callerHeaders(emu, tenant, user, n >> 2) };
    });
    const replies = await Promise.all(jobs.map(async (job) => ({ job, reply: await call(`/managed-objects?pageSize=${job.marker}`, job.headers) })));

    for (const { job, reply } of replies) {
      expect(reply.status).toBe(200);
      const body = reply.body as unknown as ManagedObjectsReply;
      expect([body.tenant, body.user]).toEqual([job.tenant, `user${job.user}`]);
      expect(body.managedObjects).toHaveLength(Math.min(job.marker, OBJECTS_PER_TENANT));
      for (const item of body.managedObjects) expect(item.name?.startsWith(`${job.tenant}-object-`)).toBe(true);
    }
    const logged = emu.requests.filter((entry) => entry.path === '/inventory/managedObjects');
    expect(logged).toHaveLength(200);
    const byMarker = new Map(logged.map((entry) => [Number(entry.query.pageSize), entry]));
    for (const job of jobs) {
      const entry = byMarker.get(job.marker);
      expect([entry?.tenant, entry?.user, entry?.status, entry?.headers['x-cumulocity-application-key']]).toEqual([job.tenant, `user${job.user}`, 200, ms.key]);
    }
    // Every style of credentials was forwarded as received: Basic, Bearer, and cookie + XSRF (never the placeholder Basic header).
    expect(new Set(logged.map((entry) => entry.headers.authorization ?? (entry.headers.authCookie && entry.headers['x-xsrf-token'] ? 'cookie' : '?')))).toEqual(new Set(['Basic', 'Bearer', 'cookie']));
  });

  it('401 without credentials, the platform\'s 401 for wrong ones, 400 for a bad pageSize, 404 elsewhere', async () => {
    expect(await call('/managed-objects')).toMatchObject({ status: 401, body: { error: 'microservice/Unauthorized' } });
    const wrong = { authorization: `Basic ${Buffer.from('t200/user1:wrong').toString('base64')}` };
    const refused = await call('/managed-objects', wrong);
    expect(refused).toMatchObject({ status: 401, body: { error: 'security/Unauthorized' } });
    expect(JSON.stringify(refused.body)).not.toContain(wrong.authorization.slice(6));
    expect((await call('/managed-objects?pageSize=0', callerHeaders(emu, 't100', 0, 0))).status).toBe(400);
    expect((await call('/elsewhere')).status).toBe(404);
  });
});
