#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { seedManagedObjects } from './areas/inventory.js';
import { seedMeasurements } from './areas/measurements.js';
import { startEmulator } from './emulator.js';

/**
 * `c8y-emulator [--port 8111] [--seed 1] [--latency 0|min-max] [--max-page-size 2000]
 * [--seed-managed-objects n] [--seed-measurements n]`: runs the emulator until Ctrl+C.
 * The seeding flags fill the default tenant without HTTP (benchmarks, demos): `n` devices
 * `{name: 'Device <i>', type: 'c8y_Seeded', c8y_IsDevice}`, and `n` measurements of type
 * `c8y_Seeded` one second apart on the first seeded device (or source `1`).
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8111' },
    seed: { type: 'string', default: '1' },
    latency: { type: 'string', default: '0' },
    'max-page-size': { type: 'string' },
    'seed-managed-objects': { type: 'string', default: '0' },
    'seed-measurements': { type: 'string', default: '0' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  process.stdout.write('Usage: c8y-emulator [--port 8111] [--seed 1] [--latency <ms>|<min>-<max>] [--max-page-size 2000] [--seed-managed-objects <n>] [--seed-measurements <n>]\n');
  process.exit(0);
}

const [min, max] = values.latency.split('-').map(Number);
const emulator = await startEmulator({
  port: Number(values.port),
  seed: Number(values.seed),
  latencyMs: max === undefined ? (min ?? 0) : { min: min ?? 0, max },
  ...(values['max-page-size'] !== undefined ? { maxPageSize: Number(values['max-page-size']) } : {}),
  onError: (error, request) => process.stderr.write(`${request.method} ${request.path}: ${String((error as Error).stack ?? error)}\n`),
});

const tenantId = emulator.tenants.default.id;
const deviceIds = seedManagedObjects(
  emulator,
  tenantId,
  Array.from({ length: Number(values['seed-managed-objects']) }, (_, i) => ({ name: `Device ${i}`, type: 'c8y_Seeded', c8y_IsDevice: {} })),
);
const source = deviceIds[0] ?? '1';
const start = Date.UTC(2024, 0, 1);
function* measurements() {
  for (let i = 0; i < Number(values['seed-measurements']); i++)
    yield { source, type: 'c8y_Seeded', time: start + i * 1000, c8y_Seeded: { T: { value: i, unit: 'C' } } };
}
seedMeasurements(emulator, tenantId, measurements());

const lines = [`Cumulocity emulator listening on ${emulator.url}`];
for (const tenant of emulator.tenants.list())
  for (const user of tenant.users.values()) lines.push(`  ${tenant.id}/${user.userName} : ${user.password}   (${user.kind})`);
lines.push('Basic auth as "<tenant>/<user>:<password>" (or "<user>:<password>" for the default tenant). Ctrl+C to stop.');
process.stdout.write(`${lines.join('\n')}\n`);

const shutdown = (): void => {
  void emulator.stop().then(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
