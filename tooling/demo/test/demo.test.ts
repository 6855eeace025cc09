import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { connect, type Connection } from '../src/connect.js';
import { newTourContext } from '../src/new-tour-context.js';
import { createOutput } from '../src/output.js';
import { runTour, TOUR_STEPS } from '../src/run-tour.js';

function collector() {
  const lines: string[] = [];
  return { lines, out: createOutput({ write: (text: string) => lines.push(...text.split('\n').filter(Boolean)) }) };
}

describe('the tour against the in-process emulator', () => {
  let connection: Connection;
  const { lines, out } = collector();
  beforeAll(async () => {
    connection = await connect({}, out);
  });
  afterAll(() => connection.close());

  it('runs every step, cleans up, and uses the bulk endpoints', async () => {
    const emulator = connection.emulator!;
    emulator.requests.clear();
    const result = await runTour(newTourContext(connection, out, { runId: 'test01', measurementsPerDevice: 200 }));

    expect(result).toEqual({ ok: true });
    expect(lines.filter((line) => line.includes('✓'))).toHaveLength(TOUR_STEPS.length);
    const logged = [...emulator.requests];
    const collectionPosts = logged.filter((r) => r.method === 'POST' && r.headers['content-type']?.includes('measurementcollection'));
    expect(collectionPosts).toHaveLength(4); // 10 devices × 200 measurements in chunks of 500
    expect(logged.filter((r) => r.method === 'PUT' && r.path === '/alarm/alarms')).toHaveLength(10); // one status change per device
    expect(lines).toContainEqual(expect.stringMatching(/^ {3}speed-up: \d+\.\d×$/));
    // nothing of the run is left
    expect(await connection.c8y.inventory.count({ name: 'Demo test01 *' })).toBe(0);
    expect(await connection.c8y.measurements.count({ type: 'demo_Climate_test01' })).toBe(0);
  });

  it('names the failing step, and still removes what it created', async () => {
    const emulator = connection.emulator!;
    const fault = emulator.faults.add({ kind: 'error', status: 403, method: 'PUT', path: '^/alarm/alarms$', message: 'not allowed here' });
    try {
      const result = await runTour(newTourContext(connection, out, { runId: 'test02', measurementsPerDevice: 20 }));
      expect(result).toMatchObject({ ok: false, failedStep: 'raise alarms and clear them by filter', cleanedUp: true });
    } finally {
      fault.remove();
    }
    expect(await connection.c8y.inventory.count({ name: 'Demo test02 *' })).toBe(0);
    expect(await connection.c8y.alarms.count({ type: 'demo_TooHot_test02' })).toBe(0);
  });
});

describe('pnpm demo', () => {
  it('runs as a program and exits 0', async () => {
    const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('C8Y_')));
    const { stdout } = await new Promise<{ stdout: string }>((resolve, reject) =>
      execFile(process.execPath, [main], { env, timeout: 120_000 }, (error, stdout) => (error ? reject(error) : resolve({ stdout }))),
    );
    expect(stdout).toMatch(/started the Cumulocity emulator in this process/);
    expect(stdout).toMatch(/The tour finished: every step succeeded\.$/m);
  }, 150_000);
});
