import { ALL_ROLES, type Emulator, type TenantSeed } from '../src/index.js';
import { ADMIN, basic, jsonClient, type Json } from './helpers.js';

export type { Json };
export interface Page<K extends string = string> {
  self: string;
  next?: string;
  prev?: string;
  statistics: { currentPage: number; pageSize: number; totalPages?: number | null; totalElements?: number | null };
  [key: string]: unknown;
  _k?: K;
}

export const DEVICE = basic('t100/device_abc', 'device-pass');
/** Has only ROLE_INVENTORY_READ (no device-data roles). */
export const PLAIN = basic('t100/plain', 'plain-pass');
/** Has the READ roles of every device-data area, no ADMIN role. */
export const READER = basic('t100/reader', 'reader-pass');

export const DATA_TENANTS: readonly TenantSeed[] = [
  {
    id: 't100',
    users: [
      { userName: 'admin', password: 'admin-pass', roles: ALL_ROLES },
      { userName: 'plain', password: 'plain-pass', roles: ['ROLE_INVENTORY_READ'] },
      {
        userName: 'reader',
        password: 'reader-pass',
        roles: ['ROLE_INVENTORY_READ', 'ROLE_MEASUREMENT_READ', 'ROLE_EVENT_READ', 'ROLE_ALARM_READ', 'ROLE_DEVICE_CONTROL_READ', 'ROLE_AUDIT_READ', 'ROLE_BULK_OPERATION_READ'],
      },
      { userName: 'device_abc', password: 'device-pass' },
    ],
  },
];

export const vnd = (t: string): string => `application/vnd.com.nsn.cumulocity.${t}+json;charset=UTF-8;ver=0.9`;

/** fetch wrapper: JSON bodies, Accept: application/json, Basic admin by default. */
export function client(emu: Emulator, auth = ADMIN) {
  const base = jsonClient(emu, auth);
  const { call, json } = base;
  /** Status and parsed error body of a failing call. */
  const fail = async (method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: Json }> => {
    const res = await call(method, path, body, headers);
    const text = await res.text();
    return { status: res.status, body: text === '' ? {} : (JSON.parse(text) as Json) };
  };
  return {
    ...base,
    fail,
    /** Status of a request without body parsing. */
    status: async (method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<number> => {
      const res = await call(method, path, body, headers);
      await res.arrayBuffer();
      return res.status;
    },
    /** Items (`key`) of a collection page. */
    items: async (path: string, key: string): Promise<Json[]> => (await json<Page>('GET', path))[key] as Json[],
    /** Ids of a collection page. */
    ids: async (path: string, key: string): Promise<string[]> => ((await json<Page>('GET', path))[key] as Json[]).map((x) => String(x.id)),
    /** Creates a managed object and returns its id. */
    device: async (body: Json = {}): Promise<string> => String((await json('POST', '/inventory/managedObjects', { c8y_IsDevice: {}, ...body }, 201)).id),
  };
}
