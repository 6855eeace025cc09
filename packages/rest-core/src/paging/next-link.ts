import { ResponseFormatError } from '../errors/response-format-error.js';

/**
 * A `next` link reduced to what the engine sends: the collection's query, same origin as the client.
 *
 * @example
 * ```ts
 * const reply = await client.get<{ next?: string }>('/inventory/managedObjects?pageSize=5');
 * const { params, position } = readNextLink(reply.next!, '/inventory/managedObjects', client.baseUrl);
 * ```
 */
export interface NextRequest {
  /** The link's query parameters (decoded; the client re-encodes them). */
  readonly params: URLSearchParams;
  /** The link's `currentPage` (an offset in restricted mode), if it is an integer. */
  readonly position: number | undefined;
  /** A canonical form of the link (sorted parameters), to recognise a repeated link. */
  readonly key: string;
}

/**
 * Reads a `next` link as a request on the collection at `collectionPath`, never as a URL to
 * follow: only its query is kept and the client sends it to its own `baseUrl` (Cumulocity's links
 * often carry the tenant's public domain while the client talks to an internal URL, and
 * credentials go to the configured origin only). The link's path must be the collection's,
 * optionally under a prefix (a proxy path).
 *
 * @throws ResponseFormatError when the link is not a URL or points to another path.
 *
 * @example
 * ```ts
 * const next = readNextLink('https://t1.example.com/inventory/managedObjects?pageSize=5&currentPage=13', '/inventory/managedObjects', 'https://10.0.0.1:8111');
 * next.position; // 13
 * ```
 */
export function readNextLink(link: string, collectionPath: string, baseUrl: string): NextRequest {
  let url: URL;
  try {
    url = new URL(link, `${baseUrl}/`);
  } catch {
    throw new ResponseFormatError(`the "next" link ${JSON.stringify(link.slice(0, 200))} is not a URL`, { method: 'GET', url: baseUrl + collectionPath });
  }
  const pathname = url.pathname.replace(/\/+$/, '');
  // The collection's path itself ends with it too.
  if (!pathname.endsWith(collectionPath)) {
    throw new ResponseFormatError(
      `the "next" link points to ${pathname}, not to the collection ${collectionPath}: refusing to follow it`,
      { method: 'GET', url: baseUrl + collectionPath },
    );
  }
  const params = new URLSearchParams(url.search);
  const current = params.get('currentPage');
  const position = current !== null && /^\d+$/.test(current) ? Number(current) : undefined;
  const sorted = new URLSearchParams(params);
  sorted.sort();
  return { params, position, key: sorted.toString() };
}
