/**
 * Scenario 5, this SDK: a fresh process imports what a user imports (`@c8y/sdk` has not landed
 * yet, so rest-core's client and the `@c8y/inventory` context), makes its first request and prints
 * `{ ms }`, the time since the process started.
 *
 * Usage: `node cold-start-sdk.js <url>`
 */
import { Inventory } from '@c8y/inventory';
import { BasicAuth, CumulocityRestClient } from '@c8y/rest-core';

const client = new CumulocityRestClient({ baseUrl: process.argv[2] ?? '', auth: new BasicAuth('t100/admin', 'admin-pass') });
const [first] = await new Inventory(client).getAll({ type: 'c8y_Seeded' }, { limit: 1 });
if (first?.id === undefined) throw new Error('no managed object');
process.stdout.write(`${JSON.stringify({ ms: performance.now() })}\n`);
