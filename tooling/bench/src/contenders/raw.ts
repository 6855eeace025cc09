import { authorization } from '../emulator-process.js';

/**
 * The raw baseline's page read: plain `fetch` + `JSON.parse` of pages `1…pages` (the count known
 * in advance, so no request is wasted), `concurrency` at once. `onItems` sees each page's items;
 * resolves the item count. The practical limit for a client on this machine.
 */
export async function rawPages(pageUrl: (page: number) => string, pages: number, concurrency: number, key: string, onItems?: (items: unknown[]) => void): Promise<number> {
  let next = 1;
  let count = 0;
  const worker = async (): Promise<void> => {
    while (next <= pages) {
      const response = await fetch(pageUrl(next++), { headers: { Authorization: authorization, Accept: 'application/json' } });
      if (!response.ok) throw new Error(`raw GET: HTTP ${response.status}`);
      const items = (JSON.parse(await response.text()) as Record<string, unknown[]>)[key] ?? [];
      count += items.length;
      onItems?.(items);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, pages) }, worker));
  return count;
}

/** The raw baseline's POSTs: each body sent with plain `fetch`, `concurrency` at once, replies parsed. */
export async function rawPosts(url: string, bodies: readonly unknown[], mediaType: string, concurrency: number): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < bodies.length) {
      const body = bodies[next++];
      const response = await fetch(url, {
        method: 'POST',
        headers: { Authorization: authorization, 'Content-Type': mediaType, Accept: mediaType },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`raw POST: HTTP ${response.status}`);
      JSON.parse(await response.text());
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, bodies.length) }, worker));
}
