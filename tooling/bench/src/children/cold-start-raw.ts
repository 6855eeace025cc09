/**
 * Scenario 5, raw baseline: a fresh process makes the same first request with plain `fetch`
 * (nothing to import) and prints `{ ms }`, the time since the process started.
 *
 * Usage: `node cold-start-raw.js <url>`
 */
const response = await fetch(`${process.argv[2] ?? ''}/inventory/managedObjects?type=c8y_Seeded&pageSize=1`, {
  headers: { Authorization: `Basic ${btoa('t100/admin:admin-pass')}`, Accept: 'application/json' },
});
const { managedObjects } = JSON.parse(await response.text()) as { managedObjects: { id?: string }[] };
if (managedObjects[0]?.id === undefined) throw new Error('no managed object');
process.stdout.write(`${JSON.stringify({ ms: performance.now() })}\n`);
