import { BasicAuth, Client, type IResultList } from '@c8y/client';
import { credentials } from '../emulator-process.js';

/** The official `@c8y/client` as its README shows it: `new Client(new BasicAuth({…}), baseUrl)`. */
export function officialClient(baseUrl: string): Client {
  return new Client(new BasicAuth({ tenant: credentials.tenant, user: credentials.user, password: credentials.password }), baseUrl);
}

/**
 * Reads a whole collection the way `@c8y/client` users must write it (it has no fetch-all): the
 * first page from `list`, then `paging.next()` until a short page or no `next` link (`nextPage`
 * null). One request at a time. `onPage` sees each page's items; resolves the item count.
 */
export async function readAllPages<T>(first: Promise<IResultList<T>>, pageSize: number, onPage?: (items: T[]) => void): Promise<number> {
  let page = await first;
  let count = 0;
  for (;;) {
    count += page.data.length;
    onPage?.(page.data);
    if (page.data.length < pageSize || page.paging?.nextPage == null) return count;
    page = await page.paging.next();
  }
}
