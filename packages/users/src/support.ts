import { Resources, UserGroup } from '@c8y/model';
import { apiPath, isJsonObject, ResponseFormatError, type CallOptions, type JsonObject, type RestClient } from '@c8y/rest-core';
import { requireText } from './validate.js';

/** The JSON object of a reply, or a `ResponseFormatError` naming the request. */
export function jsonReply(reply: unknown, method: string, url: string, what: string): JsonObject {
  if (isJsonObject(reply)) return reply;
  const got = reply === undefined ? 'no body' : Array.isArray(reply) ? 'an array' : typeof reply;
  throw new ResponseFormatError(`expected ${what}, got ${got}`, { method, url });
}

/** The client's tenant id (for `/user/{tenantId}/…` paths built by hand). */
export async function tenantOf(client: RestClient, options: CallOptions | undefined): Promise<string> {
  return client.getTenantId(options?.signal === undefined ? {} : { signal: options.signal });
}

/** One user group by name (`GET /user/{tenantId}/groupByName/{name}`, the name path-encoded). */
export async function getGroupByName(client: RestClient, name: string, options?: CallOptions): Promise<UserGroup> {
  const groupName = requireText(name, 'name');
  const path = apiPath`/user/${await tenantOf(client, options)}/groupByName/${groupName}`;
  const reply = await client.get(path, { ...options, accept: Resources.userGroup.mediaType });
  return UserGroup.fromJSON(client, jsonReply(reply, 'GET', `${client.baseUrl}${path}`, 'a userGroup object'));
}
