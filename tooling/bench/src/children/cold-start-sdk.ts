/**
 * Scenario 5, this SDK as its README shows it: a fresh process imports `@c8y/sdk` (its Node
 * entry), makes its first request and prints `{ ms }`, the time since the process started.
 *
 * Usage: `node cold-start-sdk.js <url>`
 */
import { BasicAuth, CumulocityClient } from '@c8y/sdk';

const c8y = new CumulocityClient({ baseUrl: process.argv[2] ?? '', auth: new BasicAuth('t100/admin', 'admin-pass') });
const [first] = await c8y.inventory.getAll({ type: 'c8y_Seeded' }, { limit: 1 });
if (first?.id === undefined) throw new Error('no managed object');
process.stdout.write(`${JSON.stringify({ ms: performance.now() })}\n`);
