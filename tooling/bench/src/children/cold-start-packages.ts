/**
 * Scenario 5, this SDK's micro-packages: a fresh process imports only what this call needs
 * (rest-core's client and the `@c8y/inventory` context, which brings `@c8y/model`), makes its
 * first request and prints `{ ms }`, the time since the process started.
 *
 * Usage: `node cold-start-packages.js <url>`
 */
import { Inventory } from '@c8y/inventory';
import { BasicAuth, CumulocityRestClient } from '@c8y/rest-core';

const client = new CumulocityRestClient({ baseUrl: process.argv[2] ?? '', auth: new BasicAuth('t100/admin', 'admin-pass') });
const [first] = await new Inventory(client).getAll({ type: 'c8y_Seeded' }, { limit: 1 });
if (first?.id === undefined) throw new Error('no managed object');
process.stdout.write(`${JSON.stringify({ ms: performance.now() })}\n`);
