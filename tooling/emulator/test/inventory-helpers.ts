import { ALL_ROLES, type Emulator, type TenantSeed } from '../src/index.js';
import { ADMIN, basic, jsonClient, type Json } from './helpers.js';

export type { Json };
export interface MoPage {
  self: string;
  next?: string;
  prev?: string;
  managedObjects: Json[];
  statistics: { currentPage: number; pageSize: number; totalPages?: number | null; totalElements?: number | null };
}

export const DEVICE = basic('t100/device_abc', 'device-pass');
export const LIMITED = basic('t100/limited', 'limited-pass');
export const READER = basic('t100/reader', 'reader-pass');

/** Tenants of the inventory tests: admin, a device user, a restricted user without global read role. */
export const INVENTORY_TENANTS: readonly TenantSeed[] = [
  {
    id: 't100',
    users: [
      { userName: 'admin', password: 'admin-pass', roles: ALL_ROLES },
      { userName: 'reader', password: 'reader-pass', roles: ['ROLE_INVENTORY_READ'], restrictedPaging: true },
      { userName: 'limited', password: 'limited-pass', roles: ['ROLE_INVENTORY_CREATE'], restrictedPaging: true },
      { userName: 'device_abc', password: 'device-pass' },
    ],
  },
  { id: 't200', users: [{ userName: 'admin', password: 'other-pass', roles: ALL_ROLES }] },
];

export const MO_TYPE = 'application/vnd.com.nsn.cumulocity.managedobject+json;charset=UTF-8;ver=0.9';

/** Small fetch wrapper: JSON bodies, Basic admin by default. */
export function api(emu: Emulator, auth = ADMIN) {
  const base = jsonClient(emu, auth);
  const { json } = base;
  return {
    ...base,
    list: (path: string) => json<MoPage>('GET', path),
    /** Creates a managed object and returns its id. */
    create: async (body: Json): Promise<string> => String((await json('POST', '/inventory/managedObjects', body, 201)).id),
    /** Ids of a managed-object page. */
    ids: async (path: string): Promise<string[]> => (await json<MoPage>('GET', path)).managedObjects.map((m) => String(m.id)),
    /** Follows `next` links from `path` and returns every id (stops on an empty page without next). */
    walk: async (path: string, max = 1000): Promise<{ ids: string[]; pages: MoPage[] }> => {
      const ids: string[] = [];
      const pages: MoPage[] = [];
      let url: string | undefined = path;
      while (url !== undefined && pages.length < max) {
        const page: MoPage = await json<MoPage>('GET', url);
        pages.push(page);
        ids.push(...page.managedObjects.map((m) => String(m.id)));
        url = page.next;
      }
      return { ids, pages };
    },
  };
}
