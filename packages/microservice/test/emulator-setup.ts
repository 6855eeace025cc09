import { registerMicroservice, seedManagedObjects, startEmulator, type Emulator, type RegisteredMicroservice } from '@c8y/emulator';
import type { Environment } from '../src/index.js';

/** Callers per tenant in the emulator scenarios. */
export const USERS_PER_TENANT = 10;
/** Managed objects seeded per tenant (named `<tenant>-object-<n>`). */
export const OBJECTS_PER_TENANT = 7;
export const TENANTS = ['t100', 't200'] as const;

const userSeeds = (tenant: string) =>
  Array.from({ length: USERS_PER_TENANT }, (_, i) => ({ userName: `user${i}`, password: `${tenant}-user${i}-pw`, roles: ['ROLE_INVENTORY_READ'] }));

/**
 * Two tenants (t100, t200; t200 a subtenant of t100) whose users have the same names
 * (`user0` … `user9`) but other passwords, a few managed objects each, and the microservice
 * `hello` owned by t100 and subscribed by both.
 */
export async function startScenario(): Promise<{ emu: Emulator; ms: RegisteredMicroservice; env: Environment }> {
  const emu = await startEmulator({
    seed: 15,
    tenants: [
      { id: 't100', users: [{ userName: 'admin', password: 'admin-pass', roles: ['ROLE_INVENTORY_ADMIN', 'ROLE_APPLICATION_MANAGEMENT_ADMIN', 'ROLE_TENANT_MANAGEMENT_ADMIN'] }, ...userSeeds('t100')] },
      { id: 't200', parent: 't100', users: userSeeds('t200') },
    ],
  });
  const ms = registerMicroservice(emu, { name: 'hello', requiredRoles: ['ROLE_INVENTORY_READ'], subscribedTenants: [...TENANTS] });
  for (const tenant of TENANTS) {
    seedManagedObjects(emu, tenant, Array.from({ length: OBJECTS_PER_TENANT }, (_, n) => ({ name: `${tenant}-object-${n}`, type: 'hello_Thing' })));
  }
  const env: Environment = {
    C8Y_BASEURL: emu.url,
    C8Y_BOOTSTRAP_TENANT: ms.bootstrap.tenant,
    C8Y_BOOTSTRAP_USER: ms.bootstrap.user,
    C8Y_BOOTSTRAP_PASSWORD: ms.bootstrap.password,
    APPLICATION_KEY: ms.key,
  };
  return { emu, ms, env };
}

/** One caller's credentials, as a client of the microservice would send them (Basic, Bearer or cookie + XSRF). */
export function callerHeaders(emu: Emulator, tenant: string, user: number, style: number): Record<string, string> {
  const userName = `user${user}`;
  if (style % 3 === 0) return { authorization: `Basic ${Buffer.from(`${tenant}/${userName}:${tenant}-${userName}-pw`).toString('base64')}` };
  const { token, xsrfToken } = emu.issueToken(tenant, userName);
  if (style % 3 === 1) return { authorization: `Bearer ${token}` };
  // OAI-Secure from a browser: the cookie, its XSRF header, and a placeholder Basic header.
  return { cookie: `authorization=${token}; XSRF-TOKEN=${xsrfToken}`, 'x-xsrf-token': xsrfToken, authorization: `Basic ${Buffer.from(`${tenant}/${userName}:placeholder`).toString('base64')}` };
}
