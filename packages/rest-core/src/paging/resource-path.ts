import { encodePathSegment } from '../client/api-path.js';
import type { RestClient } from '../client/rest-client-interface.js';

const placeholder = '{tenantId}';

/**
 * A resource path with `{tenantId}` replaced by the client's (encoded) tenant id; looked up
 * only when the path has the placeholder.
 *
 * @example
 * ```ts
 * await resolveResourcePath(client, '/user/{tenantId}/users'); // '/user/t100/users'
 * await resolveResourcePath(client, '/event/events');          // '/event/events' (no lookup)
 * ```
 */
export async function resolveResourcePath(client: RestClient, path: string, signal?: AbortSignal): Promise<string> {
  if (!path.includes(placeholder)) return path;
  const tenantId = encodePathSegment(await client.getTenantId(signal === undefined ? {} : { signal }), 'tenantId');
  return path.split(placeholder).join(tenantId);
}
