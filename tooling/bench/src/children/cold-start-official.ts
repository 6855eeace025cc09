/**
 * Scenario 5, `@c8y/client`: a fresh process imports it as its README shows, makes its first
 * request and prints `{ ms }`, the time since the process started.
 *
 * Usage: `node cold-start-official.js <url>`
 */
import { BasicAuth, Client } from '@c8y/client';

const client = new Client(new BasicAuth({ tenant: 't100', user: 'admin', password: 'admin-pass' }), process.argv[2] ?? '');
const { data } = await client.inventory.list({ type: 'c8y_Seeded', pageSize: 1 });
if (data[0]?.id === undefined) throw new Error('no managed object');
process.stdout.write(`${JSON.stringify({ ms: performance.now() })}\n`);
