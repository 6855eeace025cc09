import { inventoryQuery } from '@c8y/inventory';
import { measurementQuery } from '@c8y/measurements';
import { managedObjectResource, measurementResource } from '@c8y/model';
import { BasicAuth, CumulocityRestClient, type FetchFunction, type PagedResource } from '@c8y/rest-core';
import { credentials } from '../emulator-process.js';

/** This SDK's client for the emulator's admin user, with `maxConcurrent` requests in flight at most (and a `fetch` to count requests). */
export function sdkClient(baseUrl: string, maxConcurrent: number, fetch?: FetchFunction): CumulocityRestClient {
  const auth = new BasicAuth(`${credentials.tenant}/${credentials.user}`, credentials.password);
  return new CumulocityRestClient({ baseUrl, auth, maxConcurrent, ...(fetch ? { fetch } : {}) });
}

/** A `fetch` that counts the requests it sends (a read's request count, outside the timed runs). */
export function countingFetch(): { fetch: FetchFunction; readonly requests: number } {
  let requests = 0;
  return {
    fetch: (input, init) => {
      requests++;
      return fetch(input, init);
    },
    get requests() {
      return requests;
    },
  };
}

/** The inventory for rest-core's generic `select`/`getAll` (plain JSON), with the query spec of `@c8y/inventory`. */
export const managedObjects: PagedResource = { ...managedObjectResource, querySpec: inventoryQuery };

/** Measurements for rest-core's generic functions, with the query spec of `@c8y/measurements`. */
export const measurements: PagedResource = { ...measurementResource, querySpec: measurementQuery };
