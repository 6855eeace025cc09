#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { startEmulator } from './emulator.js';

/** `c8y-emulator [--port 8111] [--seed 1] [--latency 0|min-max] [--max-page-size 2000]`: runs the emulator until Ctrl+C. */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8111' },
    seed: { type: 'string', default: '1' },
    latency: { type: 'string', default: '0' },
    'max-page-size': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  process.stdout.write('Usage: c8y-emulator [--port 8111] [--seed 1] [--latency <ms>|<min>-<max>] [--max-page-size 2000]\n');
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
